package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/net/idna"
)

// BaseURLError is why a base URL is refused: Message says what is wrong,
// Hint how to write it. URL is the URL refused as it may be shown: with a
// password replaced by "xxxxx", since messages reach CI logs.
type BaseURLError struct {
	URL, Message, Hint string
}

func (e *BaseURLError) Error() string {
	return fmt.Sprintf("%q: %s (%s)", e.URL, e.Message, e.Hint)
}

// NormalizeBaseURL checks a base URL, from site.yaml's baseURL or
// --base-url, and returns it normalized: its path ends with "/", its host
// is lower case and, when it is an international name (in Unicode or
// percent-encoded), punycode ("https://żary.pl" → "https://xn--ary-xra.pl/").
// It refuses what the site would otherwise publish in every page, feed and
// robots.txt: a user name or password, a port that is not a number from 1
// to 65535, "." or ".." segments (percent-encoded too: "%2e%2e"), a query
// or a fragment. The error is a *BaseURLError.
func NormalizeBaseURL(s string) (string, error) {
	bad := func(msg, hint string) (string, error) {
		return "", &BaseURLError{URL: s, Message: msg, Hint: hint}
	}
	const example = "write the full address, e.g. https://example.org/"
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // not the URL again
		}
		return bad(fmt.Sprintf("is not a URL: %v", err), example)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.Opaque != "" {
		return bad("must be an absolute http(s) URL", example)
	}
	if u.User != nil {
		s = u.Redacted()
		return bad("must not hold a user name or password (user:pass@): they would be published in every page and in robots.txt",
			"remove the part before @; give the hosting's password to the publishing pipeline instead")
	}
	host, err := normalizeHost(u)
	if err != nil {
		return bad(err.Error(), example)
	}
	u.Host = host
	for _, seg := range strings.Split(u.Path, "/") {
		if seg == "." || seg == ".." {
			return bad(fmt.Sprintf("must not have a %q segment in its path (%q), written plainly or percent-encoded", seg, u.EscapedPath()),
				"write the path the site is published at without . or .., e.g. https://example.org/preview/")
		}
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return bad("must not have a query (?…) or fragment (#…)", "end it at the path, e.g. https://example.org/preview/")
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
		if u.RawPath != "" {
			u.RawPath += "/"
		}
	}
	return u.String(), nil
}

// normalizeHost checks u's port and returns its host lower case, an
// international name as punycode, with the port when there is one.
func normalizeHost(u *url.URL) (string, error) {
	name, port := u.Hostname(), u.Port()
	if strings.HasSuffix(u.Host, ":") {
		return "", fmt.Errorf("has an empty port after %q", name+":")
	}
	if port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 {
			return "", fmt.Errorf("has port %s, which is not a port number (1–65535)", port)
		}
		port = strconv.Itoa(n) // "0080" → "80"
	}
	if name == "" {
		return "", fmt.Errorf("has no host name")
	}
	if ip := net.ParseIP(name); ip != nil {
		if strings.Contains(name, ":") {
			name = "[" + ip.String() + "]"
		}
	} else {
		ascii, err := idna.Lookup.ToASCII(name)
		if err != nil {
			return "", fmt.Errorf("has host %q, which is not a valid domain name: %v", name, err)
		}
		name = ascii
	}
	if port != "" {
		return name + ":" + port, nil
	}
	return name, nil
}
