package io.connectcheckout.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Hostile HTTP envelopes, generated from a seed: one well-formed request per endpoint, then each
 * kind of damage a broken client or a scanner does to it — header parameters (charsets, content
 * types, Accept, Accept-Language, cookies, Host), body framing (Content-Length mismatches,
 * chunked junk, unknown encodings), form fields (duplicates, thousands of them, bad
 * percent-encoding, empty names), oversized and malformed headers, methods, path oddities
 * (%00, dot segments, overlong paths) and request lines. Each result is the raw bytes to send.
 * The companion of {@link HostileInputSecurityTest}'s value generator: that one breaks the
 * values, this one everything around them.
 */
final class HostileEnvelopes {

    /** A well-formed request: the starting point every kind damages. */
    record Endpoint(String name, String method, String target, Map<String, String> headers, String body) {
        Endpoint {
            headers = new LinkedHashMap<>(headers);
        }

        boolean isForm() {
            return headers.getOrDefault("Content-Type", "").startsWith("application/x-www-form-urlencoded");
        }

        boolean isJson() {
            return headers.getOrDefault("Content-Type", "").startsWith("application/json");
        }
    }

    /** One generated request: what it is (for failure messages and the count per kind) and its bytes. */
    record Case(String kind, String description, byte[] bytes, boolean endInput) {
    }

    static final List<String> CHARSETS = List.of("charset='utf-8'", "charset=bogus-1", "charset=\"utf-8",
            "charset=", "charset=utf-8;charset=latin1", "charset=UTF-7", "charset=utf-16", "charset=UTF-32BE",
            "charset=x-" + "a".repeat(300), "charset=\u00f8", "charset=*", "charset=../../etc", "CHARSET=ISO-8859-1",
            "charset=utf-8 ; foo", "charset");

    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/json", "application/xml",
            "multipart/form-data", "multipart/form-data; boundary=----x", "application/", "/", "garbage", ";;;",
            "*/*", "application/x-www-form-urlencoded; =", "application/x-www-form-urlencoded; a",
            "application/x-www-form-urlencoded, application/json", "application/octet-stream",
            "application/x-www-form-urlencoded; " + "p=v; ".repeat(400), "text/html; charset=utf-8", "");

    static final List<String> ACCEPTS = List.of(";;;", "application/json;q=abc", "text/html;q=2", "*/*;q=0",
            "image/png", "application/json", "a/b/c", "text/*;level=" + "9".repeat(500), "*", "",
            "application/xml, text/html;q=0.0", "text/html;q=-1", "*/*;q=NaN");

    static final List<String> LANGUAGES = List.of("*;q=x", "zz-ZZZZZZZZZZ", ";;", "nb;q=2", "en-" + "a".repeat(5000),
            "\u00f8", "nb-NO-x-" + "b".repeat(80), "-", "en;q=0, nb;q=0", "i-klingon", "*");

    static final List<String> COOKIES = List.of(";;;", "=", "a", "checkout-session=%zz", "csrf-token=\"",
            "$Version=1; x=y", "x=" + "c".repeat(9000), "\u00f8=\u00e5", "checkout-session=; checkout-session=abc",
            "csrf-token=%00", "a=b;;;c=d;=;", "checkout-session=" + "0".repeat(300));

    static final List<String> HOSTS = List.of("", "a b", "[::1", "localhost:99999", "evil.example",
            "localhost\r\nHost: evil.example", "%00", "localhost:-1", "x".repeat(3000));

    static final List<String> METHODS = List.of("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD", "CONNECT",
            "FOO", "get", "PROPFIND", "POST");

    static final List<String> PATH_ODDITIES = List.of("%00", "/%00", "/%2e%2e/%2e%2e/etc/passwd", "//", "/..;/",
            "%", "%zz", "%C0%AF", ";jsessionid=1", "?a=%zz", "?a=%", "/" + "a/".repeat(3000), "x".repeat(9000),
            "\\..\\", "/%2F", "#frag", "?%00=%00", "/.", "/..", "%u0041", "/%ef%bc%8f", "?" + "p=1&".repeat(3000));

    static final List<String> HEADER_ODDITIES = List.of("X-Big: " + "h".repeat(30_000), "NoColonHere",
            "Bad Name: x", "X-Fold: a\r\n continued", "X-Nul: a\u0000b", ": empty-name", "X-Latin: \u00f8\u00e5",
            "Origin: null", "Origin: " + "o".repeat(5000), "Referer: javascript:alert(1)", "X-Forwarded-For: ;;;",
            "Forwarded: for=\"[::1", "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: gopher",
            "If-Modified-Since: yesterday", "If-None-Match: " + "\"".repeat(100), "Range: bytes=z-",
            "Range: bytes=" + "1-2,".repeat(500), "Authorization: Bearer " + "t".repeat(9000),
            "Authorization: Basic %%%", "Authorization: Basic " + "QQ==".repeat(10), "Expect: 100-continue",
            "Expect: banana", "Connection: upgrade\r\nUpgrade: h2c", "Upgrade: websocket", "Sec-Fetch-Site: ;;;",
            "Idempotency-Key: " + "k".repeat(5000), "Content-Encoding: gzip", "Content-Encoding: deflate, br");

    static final List<String> VERSIONS = List.of("HTTP/1.0", "HTTP/2.0", "HTTP/1.2", "HTTP/9", "HTTP", "",
            "http/1.1", "HTTP/1.1 extra", "HTTP/1.", "HTTP/0.9");

    private HostileEnvelopes() {
    }

    /** For each endpoint, one case of each kind (variants chosen by the seed), and every charset for form posts. */
    static List<Case> generate(List<Endpoint> endpoints, Random random) {
        List<Case> cases = new ArrayList<>();
        Map<String, BiFunction<Endpoint, Random, Case>> kinds = kinds();
        for (Endpoint endpoint : endpoints) {
            kinds.forEach((kind, make) -> cases.add(make.apply(endpoint, random)));
            if (endpoint.isForm() || endpoint.isJson()) {
                for (String charset : CHARSETS) {
                    Endpoint e = withHeader(endpoint, "Content-Type", baseType(endpoint) + ";" + charset);
                    cases.add(new Case("charset", endpoint.name() + " " + charset, bytes(e, true), false));
                }
            }
        }
        return cases;
    }

    private static Map<String, BiFunction<Endpoint, Random, Case>> kinds() {
        Map<String, BiFunction<Endpoint, Random, Case>> kinds = new LinkedHashMap<>();
        kinds.put("charset", (e, r) -> {
            String charset = pick(r, CHARSETS);
            return new Case("charset", e.name() + " " + charset,
                    bytes(withHeader(e, "Content-Type", baseType(e) + ";" + charset), true), false);
        });
        kinds.put("content type", (e, r) -> {
            String type = pick(r, CONTENT_TYPES);
            return new Case("content type", e.name() + " " + type, bytes(withHeader(e, "Content-Type", type), true), false);
        });
        kinds.put("no content type", (e, r) -> {
            Endpoint without = new Endpoint(e.name(), e.method(), e.target(), e.headers(), e.body());
            without.headers().remove("Content-Type");
            return new Case("content type", e.name() + " without Content-Type", bytes(without, true), false);
        });
        kinds.put("accept", (e, r) -> {
            String accept = pick(r, ACCEPTS);
            return new Case("accept", e.name() + " Accept " + accept, bytes(withHeader(e, "Accept", accept), true), false);
        });
        kinds.put("accept-language", (e, r) -> {
            String language = pick(r, LANGUAGES);
            return new Case("accept-language", e.name() + " Accept-Language " + language,
                    bytes(withHeader(e, "Accept-Language", language), true), false);
        });
        kinds.put("cookie", (e, r) -> {
            String cookie = pick(r, COOKIES);
            String existing = e.headers().get("Cookie");
            String value = existing == null || r.nextBoolean() ? cookie : existing + "; " + cookie;
            return new Case("cookie", e.name() + " Cookie " + cookie, bytes(withHeader(e, "Cookie", value), true), false);
        });
        kinds.put("host", (e, r) -> {
            String host = pick(r, HOSTS);
            return new Case("host", e.name() + " Host " + host, bytes(withHeader(e, "Host", host), true), false);
        });
        kinds.put("duplicate host", (e, r) -> new Case("host", e.name() + " two Host headers",
                bytes(e, true, "Host: evil.example"), false));
        kinds.put("missing host", (e, r) -> {
            Endpoint without = new Endpoint(e.name(), e.method(), e.target(), e.headers(), e.body());
            without.headers().remove("Host");
            return new Case("host", e.name() + " without Host", bytes(without, true), false);
        });
        kinds.put("content-length short", (e, r) -> {
            byte[] body = body(e);
            int declared = body.length / 2;
            return new Case("framing", e.name() + " Content-Length " + declared + " for " + body.length + " bytes",
                    head(e, "Content-Length: " + declared, body), false);
        });
        kinds.put("content-length long", (e, r) -> {
            byte[] body = body(e);
            int declared = body.length + 1 + r.nextInt(5000);
            return new Case("framing", e.name() + " Content-Length " + declared + " for " + body.length + " bytes",
                    head(e, "Content-Length: " + declared, body), true);
        });
        kinds.put("content-length junk", (e, r) -> {
            String declared = pick(r, List.of("-1", "abc", "1e3", " 10", "+10", "99999999999999999999", "0x10", "",
                    "10, 11", "4\r\nContent-Length: 7"));
            return new Case("framing", e.name() + " Content-Length '" + declared + "'",
                    head(e, "Content-Length: " + declared, body(e)), true);
        });
        kinds.put("duplicate content-length", (e, r) -> {
            byte[] body = body(e);
            return new Case("framing", e.name() + " two different Content-Length",
                    head(e, "Content-Length: " + body.length + "\r\nContent-Length: " + (body.length + 3), body), true);
        });
        kinds.put("chunked junk", (e, r) -> {
            byte[] body = body(e);
            String framing = pick(r, List.of("zz\r\n", "ffffffffffffffff\r\n", Integer.toHexString(body.length + 50) + "\r\n",
                    Integer.toHexString(body.length) + ";ext=" + "e".repeat(5000) + "\r\n", "-5\r\n",
                    Integer.toHexString(body.length) + "\r\n"));
            String end = pick(r, List.of("\r\n0\r\n\r\n", "", "\r\n0\r\nTrailer: x\r\n\r\n", "\r\nzz\r\n\r\n", "0\r\n"));
            byte[] chunked = concat(framing.getBytes(StandardCharsets.ISO_8859_1), body,
                    end.getBytes(StandardCharsets.ISO_8859_1));
            String te = pick(r, List.of("chunked", "chunked\r\nContent-Length: 3", "gzip, chunked", "xchunked",
                    "chunked, identity", "Chunked", " chunked"));
            return new Case("framing", e.name() + " Transfer-Encoding " + te + " " + framing.strip() + "/" + end.strip(),
                    head(e, "Transfer-Encoding: " + te, chunked), true);
        });
        kinds.put("fields", (e, r) -> {
            String body = pick(r, fieldDamage(e.body()));
            Endpoint damaged = new Endpoint(e.name(), e.method(), e.target(), e.headers(), body);
            String shown = body.length() > 60 ? body.substring(0, 60) + "…(" + body.length() + ")" : body;
            return new Case("fields", e.name() + " body " + shown, bytes(damaged, true), false);
        });
        kinds.put("header", (e, r) -> {
            String header = pick(r, HEADER_ODDITIES);
            return new Case("header", e.name() + " " + abbreviate(header), bytes(e, true, header), false);
        });
        kinds.put("many headers", (e, r) -> {
            StringBuilder many = new StringBuilder();
            int count = 200 + r.nextInt(800);
            for (int i = 0; i < count; i++) {
                many.append(i == 0 ? "" : "\r\n").append("X-H").append(i).append(": v");
            }
            return new Case("header", e.name() + " " + count + " headers", bytes(e, true, many.toString()), false);
        });
        kinds.put("method", (e, r) -> {
            String method = pick(r, METHODS);
            Endpoint other = new Endpoint(e.name(), method, e.target(), e.headers(), e.body());
            return new Case("method", e.name() + " as " + method, bytes(other, true), false);
        });
        kinds.put("path", (e, r) -> {
            String oddity = pick(r, PATH_ODDITIES);
            String target = e.target().contains("?") && oddity.startsWith("?")
                    ? e.target() + "&" + oddity.substring(1) : e.target() + oddity;
            Endpoint other = new Endpoint(e.name(), e.method(), target, e.headers(), e.body());
            return new Case("path", e.name() + " path +" + abbreviate(oddity), bytes(other, true), false);
        });
        kinds.put("request line", (e, r) -> {
            String version = pick(r, VERSIONS);
            String line = pick(r, List.of(e.method() + " " + e.target() + " " + version,
                    e.method() + "  " + e.target() + "  HTTP/1.1", e.method() + "\t" + e.target() + "\tHTTP/1.1",
                    e.method() + " http://evil.example" + e.target() + " HTTP/1.1", e.method() + " * HTTP/1.1",
                    e.method() + " " + e.target().replace("/", "\\") + " HTTP/1.1", e.method() + " HTTP/1.1",
                    e.method() + " " + e.target() + " with spaces HTTP/1.1", "\u0016\u0003\u0001\u0002\u0000\u0001"));
            Endpoint plain = new Endpoint(e.name(), e.method(), e.target(), e.headers(), e.body());
            byte[] rest = bytes(plain, true);
            int firstLineEnd = indexOfCrlf(rest);
            byte[] replaced = concat(line.getBytes(StandardCharsets.ISO_8859_1), java.util.Arrays.copyOfRange(rest,
                    firstLineEnd, rest.length));
            return new Case("request line", e.name() + " request line '" + abbreviate(line) + "'", replaced, false);
        });
        return kinds;
    }

    /** Ways to damage a form or JSON body while keeping it about the same request. */
    static List<String> fieldDamage(String body) {
        List<String> out = new ArrayList<>();
        String original = body == null ? "" : body;
        out.add(original + "&" + original);
        out.add(original + "&" + "a=b&".repeat(5000));
        StringBuilder distinct = new StringBuilder(original);
        for (int i = 0; i < 3000; i++) {
            distinct.append("&f").append(i).append('=').append(i);
        }
        out.add(distinct.toString());
        out.add(original + "&firstName=%");
        out.add(original + "&firstName=%z");
        out.add(original + "&firstName=%C3");
        out.add(original + "&firstName=%FF%FE");
        out.add(original + "&%zz=1");
        out.add(original + "&firstName=+%2");
        out.add("=x&=y&" + original);
        out.add("&&&" + original + "&&&");
        out.add(original + "&a");
        out.add("===");
        out.add(original + "&" + "n".repeat(10_000) + "=v");
        out.add(original + "&firstName=" + "%41".repeat(3000));
        out.add(original.replace("=", "%3D"));
        out.add(original.replace("&", ";"));
        out.add(original + "\u0000");
        out.add(original + "&json={\"a\":[" + "1,".repeat(3000) + "1]}");
        out.add("{\"a\":1,\"a\":2}");
        out.add("{\"" + "k".repeat(10_000) + "\":1}");
        return out;
    }

    // ---- assembly -------------------------------------------------------------------------------

    static byte[] bytes(Endpoint e, boolean withLength, String... extraHeaders) {
        byte[] body = body(e);
        List<String> headers = new ArrayList<>();
        e.headers().forEach((name, value) -> headers.add(name + ": " + value));
        if (withLength && (body.length > 0 || !e.method().equals("GET"))) {
            headers.add("Content-Length: " + body.length);
        }
        headers.addAll(List.of(extraHeaders));
        return assemble(e.method() + " " + e.target() + " HTTP/1.1", headers, body);
    }

    /** The request with the given framing header instead of its own Content-Length. */
    private static byte[] head(Endpoint e, String framing, byte[] body) {
        List<String> headers = new ArrayList<>();
        e.headers().forEach((name, value) -> headers.add(name + ": " + value));
        headers.add(framing);
        String method = e.method().equals("GET") ? "POST" : e.method();
        return assemble(method + " " + e.target() + " HTTP/1.1", headers, body);
    }

    private static byte[] assemble(String requestLine, List<String> headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(requestLine.getBytes(StandardCharsets.UTF_8));
        for (String header : headers) {
            // Header bytes as given: ISO-8859-1 keeps a lone \u00f8 one byte, as a broken client sends it.
            out.writeBytes(("\r\n" + header).getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] body(Endpoint e) {
        return e.body() == null ? new byte[0] : e.body().getBytes(StandardCharsets.UTF_8);
    }

    private static Endpoint withHeader(Endpoint e, String name, String value) {
        Endpoint copy = new Endpoint(e.name(), e.method(), e.target(), e.headers(), e.body());
        copy.headers().put(name, value);
        return copy;
    }

    private static String baseType(Endpoint e) {
        return e.isJson() ? "application/json" : "application/x-www-form-urlencoded";
    }

    private static int indexOfCrlf(byte[] bytes) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static String abbreviate(String s) {
        String shown = s.length() > 80 ? s.substring(0, 80) + "…(" + s.length() + " chars)" : s;
        return shown.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
