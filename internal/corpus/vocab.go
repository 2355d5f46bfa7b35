package corpus

// The vocabulary the generator builds its Polish and English text from:
// the towns, institutions, people and topics of the Lubuskie social
// economy. Every list is a slice, never a map, so that picking from it is
// deterministic.

// town is a town of the Lubuskie voivodeship with the Polish locative
// ("w Zielonej Górze"), which titles and sentences need.
type town struct {
	Name string
	Loc  string // with its preposition: "w Zielonej Górze", "we Wschowie"
}

var towns = []town{
	{"Zielona Góra", "w Zielonej Górze"},
	{"Gorzów Wielkopolski", "w Gorzowie Wielkopolskim"},
	{"Żary", "w Żarach"},
	{"Żagań", "w Żaganiu"},
	{"Świebodzin", "w Świebodzinie"},
	{"Łagów", "w Łagowie"},
	{"Nowa Sól", "w Nowej Soli"},
	{"Sulechów", "w Sulechowie"},
	{"Słubice", "w Słubicach"},
	{"Międzyrzecz", "w Międzyrzeczu"},
	{"Krosno Odrzańskie", "w Krośnie Odrzańskim"},
	{"Wschowa", "we Wschowie"},
	{"Kostrzyn nad Odrą", "w Kostrzynie nad Odrą"},
	{"Strzelce Krajeńskie", "w Strzelcach Krajeńskich"},
	{"Sulęcin", "w Sulęcinie"},
	{"Drezdenko", "w Drezdenku"},
	{"Lubsko", "w Lubsku"},
	{"Gubin", "w Gubinie"},
	{"Szprotawa", "w Szprotawie"},
	{"Trzciel", "w Trzcielu"},
	{"Skwierzyna", "w Skwierzynie"},
	{"Kożuchów", "w Kożuchowie"},
	{"Bytom Odrzański", "w Bytomiu Odrzańskim"},
	{"Witnica", "w Witnicy"},
	{"Dobiegniew", "w Dobiegniewie"},
	{"Torzym", "w Torzymiu"},
	{"Czerwieńsk", "w Czerwieńsku"},
	{"Babimost", "w Babimoście"},
	{"Zbąszynek", "w Zbąszynku"},
	{"Lubniewice", "w Lubniewicach"},
	{"Iłowa", "w Iłowej"},
	{"Jasień", "w Jasieniu"},
	{"Rzepin", "w Rzepinie"},
	{"Ośno Lubuskie", "w Ośnie Lubuskim"},
	{"Cybinka", "w Cybince"},
	{"Sława", "w Sławie"},
	{"Nowogród Bobrzański", "w Nowogrodzie Bobrzańskim"},
	{"Małomice", "w Małomicach"},
	{"Gozdnica", "w Gozdnicy"},
	{"Łęknica", "w Łęknicy"},
}

// county is a powiat: the Polish genitive adjective and the English name.
type county struct{ PL, EN string }

var counties = []county{
	{"żarskiego", "Żary"}, {"żagańskiego", "Żagań"}, {"nowosolskiego", "Nowa Sól"},
	{"zielonogórskiego", "Zielona Góra"}, {"świebodzińskiego", "Świebodzin"},
	{"międzyrzeckiego", "Międzyrzecz"}, {"sulęcińskiego", "Sulęcin"}, {"słubickiego", "Słubice"},
	{"krośnieńskiego", "Krosno Odrzańskie"}, {"wschowskiego", "Wschowa"},
	{"gorzowskiego", "Gorzów"}, {"strzelecko-drezdeneckiego", "Strzelce-Drezdenko"},
}

// orgNames are the proper names of associations, cooperatives and
// foundations.
var orgNames = []string{
	"Razem", "Nadzieja", "Wspólna Sprawa", "Zielony Most", "Odra", "Bóbr", "Łużyce",
	"Pod Dębem", "Szansa", "Przystań", "Dobre Ręce", "Złota Rączka", "Źródło", "Świetlik",
	"Żuraw", "Pszczółka", "Nowy Start", "Krok Dalej", "Siedlisko", "Ogniwo", "Kuźnia",
	"Jutrzenka", "Promyk", "Łączy Nas Praca", "Lubuska Pasieka", "Warsztat", "Wrzos",
	"Słonecznik", "Ścieżka", "Gościniec", "Tęcza", "Młyn", "Ważka", "Grądy", "Żyzna Ziemia",
}

// orgKind is a kind of institution of one sector. PL and EN are patterns
// with {T} (town), {L} (Polish locative, with preposition), {N} (proper
// name) and {n} (number); Short, when set, gives the short name.
type orgKind struct {
	PL, EN, Short string
}

// orgKinds lists, by sector, the institutions that sign the partnership.
var orgKinds = map[string][]orgKind{ // read only by sector name, never ranged over
	"jst": {
		{"Gmina {T}", "Municipality of {T}", ""},
		{"Miejski Ośrodek Pomocy Społecznej {L}", "Municipal Social Welfare Centre in {T}", "MOPS {T}"},
		{"Powiatowe Centrum Pomocy Rodzinie {L}", "District Family Support Centre in {T}", "PCPR {T}"},
		{"Powiatowy Urząd Pracy {L}", "District Labour Office in {T}", "PUP {T}"},
		{"Ośrodek Pomocy Społecznej {L}", "Social Welfare Centre in {T}", "OPS {T}"},
	},
	"ngo": {
		{"Stowarzyszenie „{N}” {L}", "“{N}” Association in {T}", ""},
		{"Fundacja Rozwoju Ekonomii Społecznej „{N}”", "“{N}” Social Economy Development Foundation", ""},
		{"Lubuskie Stowarzyszenie na rzecz Osób z Niepełnosprawnościami „{N}”", "“{N}” Lubuskie Association for Persons with Disabilities", ""},
		{"Klub Integracji Społecznej {L}", "Social Integration Club in {T}", "KIS {T}"},
		{"Lokalna Grupa Działania „{N}”", "“{N}” Local Action Group", "LGD {N}"},
	},
	"business": {
		{"Spółdzielnia Socjalna „{N}” {L}", "“{N}” Social Cooperative in {T}", ""},
		{"Zakład Aktywności Zawodowej {L}", "Vocational Activity Establishment in {T}", "ZAZ {T}"},
		{"Przedsiębiorstwo Społeczne „{N}” sp. z o.o.", "“{N}” Social Enterprise Ltd", ""},
		{"Cech Rzemiosł Różnych {L}", "Craftsmen’s Guild in {T}", ""},
		{"Bank Spółdzielczy {L}", "Cooperative Bank in {T}", "BS {T}"},
	},
	"government": {
		{"Ochotniczy Hufiec Pracy {L}", "Voluntary Labour Corps Unit in {T}", "OHP {T}"},
		{"Zakład Ubezpieczeń Społecznych – Inspektorat {L}", "Social Insurance Institution, {T} Office", "ZUS {T}"},
		{"Państwowa Inspekcja Pracy – Oddział {L}", "National Labour Inspectorate, {T} Branch", "PIP {T}"},
		{"Urząd Skarbowy {L}", "Tax Office in {T}", "US {T}"},
		{"Komenda Powiatowa Policji {L}", "District Police Headquarters in {T}", "KPP {T}"},
	},
	"education": {
		{"Zespół Szkół Ponadpodstawowych nr {n} {L}", "Upper Secondary School Complex No. {n} in {T}", "ZSP nr {n} {T}"},
		{"Centrum Kształcenia Zawodowego i Ustawicznego {L}", "Centre for Vocational and Continuing Education in {T}", "CKZiU {T}"},
		{"Zakład Doskonalenia Zawodowego {L}", "Vocational Training Institute in {T}", "ZDZ {T}"},
		{"Szkoła Policealna Pracowników Służb Społecznych {L}", "Post-secondary School of Social Services in {T}", ""},
		{"Uniwersytet Trzeciego Wieku {L}", "University of the Third Age in {T}", "UTW {T}"},
	},
}

var streets = []string{
	"Wrocławska", "Bohaterów Westerplatte", "Kościuszki", "Żeromskiego", "Piłsudskiego",
	"Chrobrego", "Łużycka", "Sikorskiego", "Jagiellończyka", "Mickiewicza", "Podgórna",
	"Dworcowa", "Kożuchowska", "Świętego Jana", "Źródlana", "Ogrodowa", "Szkolna", "Łąkowa",
}

// guest roles, Polish and English.
var guestRoles = [][2]string{
	{"Wicemarszałek Województwa Lubuskiego", "Vice-Marshal of the Lubuskie Voivodeship"},
	{"Członek Zarządu Województwa Lubuskiego", "Member of the Lubuskie Regional Board"},
	{"Dyrektor Wojewódzkiego Urzędu Pracy w Zielonej Górze", "Director of the Regional Labour Office in Zielona Góra"},
	{"Zastępca Dyrektora Departamentu Europejskiego Funduszu Społecznego", "Deputy Director of the European Social Fund Department"},
	{"Prezes zarządu spółdzielni socjalnej", "Chair of a social cooperative"},
	{"Pełnomocnik ds. ekonomii społecznej", "Social economy officer"},
	{"Ekspert Ośrodka Wsparcia Ekonomii Społecznej", "Expert, Social Economy Support Centre"},
	{"Kierownik Centrum Integracji Społecznej", "Head of a Social Integration Centre"},
	{"Przedstawiciel Ministerstwa Rodziny i Polityki Społecznej", "Representative of the Ministry of Family and Social Policy"},
	{"Komendant Lubuskiej Wojewódzkiej Komendy OHP", "Commander of the Lubuskie Voluntary Labour Corps"},
	{"", ""}, // a guest with no role
}

var femaleFirst = []string{"Małgorzata", "Elżbieta", "Joanna", "Agnieszka", "Katarzyna", "Bożena", "Zofia", "Danuta", "Jolanta", "Grażyna", "Urszula", "Aleksandra"}
var femaleLast = []string{"Nowak", "Wójcik", "Kamińska", "Lewandowska", "Zielińska", "Szymańska", "Woźniak", "Dąbrowska", "Kozłowska", "Jażdżewska", "Mazur", "Krawczyk", "Gołębiowska", "Łęcka"}
var maleFirst = []string{"Grzegorz", "Łukasz", "Paweł", "Wojciech", "Michał", "Jędrzej", "Tomasz", "Przemysław", "Romuald", "Zbigniew", "Mirosław", "Sławomir"}
var maleLast = []string{"Nowak", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Gawlik", "Mazur", "Krawczyk", "Łuczak", "Żak", "Świątek"}

// tags are the topics of meetings, Polish and English. Spelling variants
// (capitals, Polish letters typed without diacritics) slug to the same tag.
var tags = [][2]string{
	{"ekonomia społeczna", "social economy"},
	{"spółdzielnie socjalne", "social cooperatives"},
	{"reintegracja zawodowa", "vocational reintegration"},
	{"reintegracja społeczna", "social reintegration"},
	{"zatrudnienie socjalne", "social employment"},
	{"klauzule społeczne", "social clauses"},
	{"zamówienia publiczne", "public procurement"},
	{"Europejski Fundusz Społeczny", "European Social Fund"},
	{"Regionalny Program Operacyjny", "Regional Operational Programme"},
	{"rynek pracy", "labour market"},
	{"osoby z niepełnosprawnościami", "people with disabilities"},
	{"młodzież", "young people"},
	{"seniorzy", "senior citizens"},
	{"Rada Programowa", "Programme Council"},
	{"społeczna odpowiedzialność biznesu", "corporate social responsibility"},
	{"przedsiębiorczość społeczna", "social entrepreneurship"},
	{"centra integracji społecznej", "social integration centres"},
	{"kluby integracji społecznej", "social integration clubs"},
	{"zakłady aktywności zawodowej", "vocational activity establishments"},
	{"wolontariat", "volunteering"},
	{"partnerstwo lokalne", "local partnership"},
	{"doradztwo", "advisory services"},
	{"szkolenia", "training"},
	{"dotacje", "grants"},
	{"innowacje społeczne", "social innovation"},
	{"turystyka społeczna", "social tourism"},
	{"rolnictwo społeczne", "social farming"},
	{"usługi społeczne", "social services"},
	{"mieszkalnictwo wspierane", "supported housing"},
	{"wykluczenie społeczne", "social exclusion"},
	{"bezrobocie", "unemployment"},
	{"aktywizacja zawodowa", "labour market activation"},
	{"Ochotnicze Hufce Pracy", "Voluntary Labour Corps"},
	{"Pakt na rzecz Zatrudnienia", "Employment Pact"},
	{"dobre praktyki", "good practice"},
	{"targi ekonomii społecznej", "social economy fairs"},
	{"konferencje", "conferences"},
	{"współpraca transgraniczna", "cross-border cooperation"},
	{"Łużyce", "Lusatia"},
	{"Żary", "Żary"},
	{"Zielona Góra", "Zielona Góra"},
	{"Gorzów Wielkopolski", "Gorzów Wielkopolski"},
}

// meetingKinds are meeting titles; {T} is the town, {L} its locative.
var meetingKinds = [][2]string{
	{"Spotkanie sygnatariuszy Partnerstwa {L}", "Partnership signatories’ meeting in {T}"},
	{"Posiedzenie Rady Programowej ds. ekonomii społecznej", "Meeting of the Social Economy Programme Council"},
	{"Warsztaty dla spółdzielni socjalnych {L}", "Workshop for social cooperatives in {T}"},
	{"Konferencja „Ekonomia społeczna w województwie lubuskim”", "Conference “The social economy in the Lubuskie region”"},
	{"Seminarium o klauzulach społecznych w zamówieniach publicznych", "Seminar on social clauses in public procurement"},
	{"Lubuskie Targi Ekonomii Społecznej {L}", "Lubuskie Social Economy Fair in {T}"},
	{"Forum współpracy samorządów i organizacji pozarządowych {L}", "Forum of local governments and NGOs in {T}"},
	{"Szkolenie: jak założyć spółdzielnię socjalną", "Training: how to set up a social cooperative"},
	{"Wizyta studyjna w zakładzie aktywności zawodowej {L}", "Study visit to the vocational activity establishment in {T}"},
	{"Debata o reintegracji zawodowej młodzieży", "Debate on the vocational reintegration of young people"},
	{"Spotkanie robocze zespołu ds. zatrudnienia socjalnego", "Working meeting of the social employment team"},
	{"Gala konkursu „Lubuski Lider Ekonomii Społecznej”", "Gala of the “Lubuskie Social Economy Leader” competition"},
	{"Polsko-niemieckie spotkanie o ekonomii społecznej {L}", "Polish-German meeting on the social economy in {T}"},
	{"Dzień otwarty centrum integracji społecznej {L}", "Open day at the social integration centre in {T}"},
}

// pageKinds are titles of content pages; {N} is a proper name, {T} a town,
// {Y} a year. Folder is where the page lives under content/.
var pageKinds = []struct {
	Folder string
	PL, EN string
}{
	{"poradnik", "Jak założyć spółdzielnię socjalną {L}", "How to set up a social cooperative in {T}"},
	{"poradnik", "Klauzule społeczne w zamówieniach publicznych – poradnik {Y}", "Social clauses in public procurement: a guide, {Y}"},
	{"poradnik", "Reintegracja społeczna i zawodowa krok po kroku", "Social and vocational reintegration step by step"},
	{"projekty", "Projekt „{N}” {L}", "The “{N}” project in {T}"},
	{"projekty", "Partnerstwo lokalne „{N}”", "The “{N}” local partnership"},
	{"dokumenty", "Raport o stanie ekonomii społecznej w {Y} r.", "Report on the state of the social economy in {Y}"},
	{"dokumenty", "Sprawozdanie z działalności Partnerstwa za {Y} r.", "Annual report of the Partnership for {Y}"},
	{"", "Dobre praktyki: {N} {L}", "Good practice: {N} in {T}"},
	{"", "Ekonomia społeczna {L}", "The social economy in {T}"},
}

// Sentences. A subject has a singular or plural verb; {X} placeholders are
// filled by the text generator (see gen.fill).
type subject struct {
	Text   string
	Plural bool
}

var subjectsPL = []subject{
	{"Partnerstwo", false},
	{"Wojewódzki Urząd Pracy", false},
	{"Ośrodek Wsparcia Ekonomii Społecznej", false},
	{"Samorząd województwa", false},
	{"Rada Programowa", false},
	{"Każda spółdzielnia socjalna", false},
	{"Centrum Integracji Społecznej {L}", false},
	{"Powiatowy Urząd Pracy {L}", false},
	{"Sygnatariusze Partnerstwa", true},
	{"Przedstawiciele samorządów", true},
	{"Uczestnicy spotkania", true},
	{"Organizacje pozarządowe", true},
	{"Lubuskie spółdzielnie socjalne", true},
	{"Zakłady aktywności zawodowej", true},
	{"Partnerzy z powiatu {C}", true},
	{"Gminy z okolic miasta {T}", true},
}

var verbsPL = [][2]string{
	{"omawia", "omawiają"}, {"wspiera", "wspierają"}, {"przygotowuje", "przygotowują"},
	{"podsumowuje", "podsumowują"}, {"rozwija", "rozwijają"}, {"promuje", "promują"},
	{"analizuje", "analizują"}, {"współtworzy", "współtworzą"}, {"finansuje", "finansują"},
	{"koordynuje", "koordynują"}, {"upowszechnia", "upowszechniają"}, {"ocenia", "oceniają"},
}

var objectsPL = []string{
	"zasady reintegracji społecznej i zawodowej",
	"nowe miejsca pracy w spółdzielniach socjalnych",
	"ofertę szkoleń dla liderów ekonomii społecznej",
	"program rozwoju ekonomii społecznej na lata 2021–2027",
	"ścieżki wsparcia dla osób długotrwale bezrobotnych",
	"współpracę z przedsiębiorcami",
	"klauzule społeczne w zamówieniach publicznych",
	"działania na rzecz zatrudnienia osób z niepełnosprawnościami",
	"partnerstwo lokalne",
	"dotacje na utworzenie spółdzielni socjalnej",
	"doradztwo biznesowe dla podmiotów ekonomii społecznej",
	"wymianę doświadczeń między sygnatariuszami",
	"projekty współfinansowane z Europejskiego Funduszu Społecznego",
	"społeczną odpowiedzialność biznesu",
	"sieć współpracy instytucji rynku pracy",
	"działalność klubów integracji społecznej",
	"kampanię informacyjną o ekonomii solidarnej",
	"wyniki badania lubuskiego rynku pracy",
	"usługi opiekuńcze świadczone przez podmioty ekonomii społecznej",
	"zatrudnienie wspierane dla młodzieży opuszczającej placówki opiekuńcze",
}

var adverbialsPL = []string{
	"{L}", "na terenie województwa lubuskiego", "w ramach Regionalnego Programu Operacyjnego",
	"we współpracy z gminami", "od {Y} r.", "z myślą o osobach zagrożonych wykluczeniem społecznym",
	"w bieżącym roku", "przy wsparciu Europejskiego Funduszu Społecznego", "wspólnie z partnerami z Łużyc",
	"w powiecie {C}", "bez zbędnej biurokracji", "na każdym etapie zakładania przedsiębiorstwa społecznego",
}

var sentencesPL = []string{
	"Ekonomia społeczna łączy działalność gospodarczą z realizacją celów społecznych.",
	"Spółdzielnia socjalna daje zatrudnienie osobom, którym najtrudniej znaleźć pracę na otwartym rynku.",
	"W {Y} r. w województwie lubuskim działało {N5} spółdzielni socjalnych.",
	"Uczestnicy zwrócili uwagę, że zatrudnienie socjalne to pierwszy krok do samodzielności zawodowej.",
	"Spotkanie odbyło się w siedzibie partnera: {P}.",
	"Jak podkreślono w dyskusji, \"ekonomia społeczna to przede wszystkim ludzie, a dopiero potem liczby\".",
	"Więcej informacji znajduje się na stronie {G}.",
	"Łącznie w spotkaniu wzięło udział {N5} osób z {N5} instytucji.",
	"Catering, pralnia, usługi porządkowe -- to tylko niektóre usługi oferowane przez lubuskie spółdzielnie socjalne.",
	"Wsparcie obejmuje doradztwo, szkolenia, dotacje na start...",
	"Przedstawiciele Gorzowa Wielkopolskiego i Żar omówili wyniki wspólnego projektu.",
	"Świebodzińskie centrum integracji społecznej przygotowało ofertę kursów zawodowych.",
	"Na zakończenie uczestnicy odwiedzili zakład aktywności zawodowej {L}.",
	"Głos zabrali także przedstawiciele partnera {P}.",
	"Źródłem finansowania działań są środki Europejskiego Funduszu Społecznego oraz budżetu województwa.",
	"Żadna z instytucji nie poradzi sobie z tym zadaniem w pojedynkę – potrzebne jest partnerstwo.",
	"Ośrodki pomocy społecznej coraz częściej zlecają usługi podmiotom ekonomii społecznej.",
	"Zgłoszenia na kolejne szkolenie przyjmuje sekretariat Partnerstwa.",
	"Dzięki reintegracji zawodowej {N5} uczestników znalazło stałe zatrudnienie.",
	"Gościem specjalnym był przedstawiciel partnera {P}, który opowiedział o współpracy z biznesem.",
}

var headingsPL = []string{
	"O czym rozmawiano", "Najważniejsze ustalenia", "Wnioski i rekomendacje", "Plany na kolejny rok",
	"Głos uczestników", "Spółdzielnie socjalne w regionie", "Reintegracja zawodowa w praktyce",
	"Finansowanie z Europejskiego Funduszu Społecznego", "Klauzule społeczne", "Dobre praktyki {L}",
	"Podsumowanie", "Następne spotkanie", "Zatrudnienie wspierane", "Współpraca z biznesem",
	"Wsparcie dla młodzieży", "Źródła finansowania", "Łączenie celów społecznych i gospodarczych",
}

var listItemsPL = []string{
	"doradztwo prawne i księgowe dla spółdzielni socjalnych",
	"szkolenia zawodowe dla uczestników centrów integracji społecznej",
	"dotacje na utworzenie miejsc pracy",
	"wsparcie pomostowe w pierwszym roku działalności",
	"wizyty studyjne u partnerów z Brandenburgii",
	"mentoring dla liderów organizacji pozarządowych",
	"kampania „Kupuj odpowiedzialnie” w gminach powiatu {C}",
	"spotkania informacyjne {L}",
	"współpraca ze szkołami zawodowymi",
	"promocja produktów i usług ekonomii społecznej",
	"badanie potrzeb pracodawców {L}",
	"zakup usług społecznych przez samorządy",
}

var subjectsEN = []subject{
	{"The Partnership", false},
	{"The Regional Labour Office", false},
	{"The Social Economy Support Centre", false},
	{"The regional government", false},
	{"The Programme Council", false},
	{"Every social cooperative", false},
	{"The social integration centre in {T}", false},
	{"The District Labour Office in {T}", false},
	{"The Partnership’s signatories", true},
	{"Local government representatives", true},
	{"Participants", true},
	{"Non-governmental organisations", true},
	{"Lubuskie social cooperatives", true},
	{"Vocational activity establishments", true},
	{"Partners from {C} County", true},
	{"Municipalities around {T}", true},
}

var verbsEN = [][2]string{
	{"discusses", "discuss"}, {"supports", "support"}, {"prepares", "prepare"},
	{"reviews", "review"}, {"develops", "develop"}, {"promotes", "promote"},
	{"analyses", "analyse"}, {"co-creates", "co-create"}, {"funds", "fund"},
	{"coordinates", "coordinate"}, {"spreads", "spread"}, {"assesses", "assess"},
}

var objectsEN = []string{
	"the principles of social and vocational reintegration",
	"new jobs in social cooperatives",
	"training for social economy leaders",
	"the social economy development programme for 2021–2027",
	"support paths for the long-term unemployed",
	"cooperation with local businesses",
	"social clauses in public procurement",
	"employment for people with disabilities",
	"the local partnership",
	"grants for setting up a social cooperative",
	"business advice for social economy entities",
	"the exchange of experience between signatories",
	"projects co-financed by the European Social Fund",
	"corporate social responsibility",
	"a network of labour market institutions",
	"the work of social integration clubs",
	"an information campaign on the solidarity economy",
	"the results of the Lubuskie labour market survey",
	"care services provided by social economy entities",
	"supported employment for young people leaving care",
}

var adverbialsEN = []string{
	"in {T}", "across the Lubuskie region", "under the Regional Operational Programme",
	"together with municipalities", "since {Y}", "for people at risk of social exclusion",
	"this year", "with support from the European Social Fund", "together with partners from Lusatia",
	"in {C} County", "without needless red tape", "at every stage of setting up a social enterprise",
}

var sentencesEN = []string{
	"The social economy combines running a business with pursuing social goals.",
	"A social cooperative employs people who find it hardest to get a job on the open market.",
	"In {Y}, {N5} social cooperatives were active in the Lubuskie region.",
	"Participants pointed out that social employment is the first step towards professional independence.",
	"The meeting took place at the premises of {P}.",
	"As the discussion showed, \"the social economy is about people first, and numbers second\".",
	"More information is available on the {G} page.",
	"Altogether {N5} people from {N5} institutions took part.",
	"Catering, laundry, cleaning -- these are only some of the services Lubuskie social cooperatives offer.",
	"Support includes advice, training, start-up grants...",
	"Representatives of Gorzów Wielkopolski and Żary discussed the results of a joint project.",
	"The social integration centre in Świebodzin has prepared a range of vocational courses.",
	"Finally, participants visited the vocational activity establishment in {T}.",
	"Representatives of {P} also spoke.",
	"The work is funded by the European Social Fund and the regional budget.",
	"No institution can manage this task alone – partnership is needed.",
	"Social welfare centres increasingly commission services from social economy entities.",
	"Applications for the next training session are accepted by the Partnership’s secretariat.",
	"Thanks to vocational reintegration, {N5} participants found permanent jobs.",
	"A special guest from {P} talked about working with businesses.",
}

var headingsEN = []string{
	"What was discussed", "Key conclusions", "Conclusions and recommendations", "Plans for next year",
	"Participants’ voices", "Social cooperatives in the region", "Vocational reintegration in practice",
	"Funding from the European Social Fund", "Social clauses", "Good practice in {T}",
	"Summary", "The next meeting", "Supported employment", "Working with businesses",
	"Support for young people", "Sources of funding", "Combining social and economic goals",
}

var listItemsEN = []string{
	"legal and accounting advice for social cooperatives",
	"vocational training for social integration centre participants",
	"grants for creating jobs",
	"bridging support in the first year of operation",
	"study visits to partners in Brandenburg",
	"mentoring for NGO leaders",
	"the “Buy responsibly” campaign in {C} County",
	"information meetings in {T}",
	"cooperation with vocational schools",
	"promotion of social economy products and services",
	"a survey of employers’ needs in {T}",
	"local governments buying social services",
}

var monthsGenitivePL = []string{"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca",
	"sierpnia", "września", "października", "listopada", "grudnia"}
