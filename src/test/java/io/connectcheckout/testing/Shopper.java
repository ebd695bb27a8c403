package io.connectcheckout.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser stand-in for RestAssured tests: keeps its cookies, follows redirects one by one
 * (recording where it went), and submits the forms of the page it is on, carrying their hidden
 * fields (the CSRF token among them). Pages are parsed with jsoup.
 */
public class Shopper {

    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final String language;
    private Page page;

    public Shopper(String language) {
        this.language = language;
    }

    public Shopper() {
        this("en");
    }

    /** One response as the shopper saw it. */
    public record Page(int status, String url, String location, String body, Document document) {
        public Element form(String cssSelector) {
            Element form = document.selectFirst(cssSelector);
            if (form == null) {
                throw new AssertionError("No form " + cssSelector + " on " + url + ":\n" + body);
            }
            return form;
        }

        public String text() {
            return document.text();
        }
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    public Page page() {
        return page;
    }

    /** Goes "back" to a page seen earlier, as a browser's Back button does, to submit its form again. */
    public void back(Page earlier) {
        page = earlier;
    }

    /** GET without following redirects. */
    public Page get(String url) {
        String absolute = absolute(url);
        // Locations arrive already encoded: send them as they are.
        return record(absolute, request().urlEncodingEnabled(false).get(absolute));
    }

    /** GET and follow redirects to the final page. */
    public Page open(String url) {
        return follow(get(url));
    }

    /** Follows 30x redirects from the given page until a page that is not a redirect. */
    public Page follow(Page from) {
        Page current = from;
        for (int i = 0; i < 20 && current.location() != null; i++) {
            current = get(resolve(current.url(), current.location()));
        }
        return current;
    }

    /** Submits a form of the current page with extra/overriding fields; does not follow redirects. */
    public Page submit(String formSelector, Map<String, String> fields) {
        return submit(formSelector, fields, null);
    }

    /** Submits a form pressing a named button (name=value). */
    public Page submit(String formSelector, Map<String, String> fields, String button) {
        return submit(formSelector, fields, button, null);
    }

    /**
     * Presses a submit button as a browser does: the form it names ({@code form=}) or the one it is
     * in, its {@code name=value}, and its {@code formaction} in place of the form's action.
     */
    public Page press(String buttonSelector, Map<String, String> fields) {
        Element button = page.document().selectFirst(buttonSelector);
        if (button == null) {
            throw new AssertionError("no button " + buttonSelector + " on " + page.url());
        }
        String form = button.hasAttr("form") ? "form#" + button.attr("form") : null;
        if (form == null) {
            Element parent = button.closest("form");
            form = parent.id().isEmpty() ? "form[action='" + parent.attr("action") + "']" : "form#" + parent.id();
        }
        String pair = button.hasAttr("name") ? button.attr("name") + "=" + button.attr("value") : null;
        return submit(form, fields, pair, button.hasAttr("formaction") ? button.attr("formaction") : null);
    }

    private Page submit(String formSelector, Map<String, String> fields, String button, String formAction) {
        Element form = page.form(formSelector);
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : form.select("input")) {
            String type = input.attr("type");
            String name = input.attr("name");
            if (name.isEmpty()) {
                continue;
            }
            if ((type.equals("radio") || type.equals("checkbox")) && !input.hasAttr("checked")) {
                continue;
            }
            values.put(name, input.attr("value"));
        }
        values.putAll(fields);
        values.values().removeIf(v -> v == null);
        RequestSpecification spec = request().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        values.forEach(spec::formParam);
        if (button != null) {
            String[] pair = button.split("=", 2);
            spec.formParam(pair[0], pair[1]);
        }
        String target = formAction != null ? formAction : form.attr("action");
        String action = resolve(page.url(), target.isEmpty() ? page.url() : target);
        return record(action, spec.post(action));
    }

    /**
     * The hidden fields of a form of the current page (the CSRF token, and on a checkout page the
     * checkout's form token), URL-encoded as {@code name=value&...}, for tests that write bodies by hand.
     */
    public String hiddenFields(String formSelector) {
        StringBuilder out = new StringBuilder();
        for (Element input : page.form(formSelector).select("input[type=hidden]")) {
            out.append(out.isEmpty() ? "" : "&").append(URLEncoder.encode(input.attr("name"), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(input.attr("value"), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** Submits and follows redirects. */
    public Page submitAndFollow(String formSelector, Map<String, String> fields, String button) {
        return follow(submit(formSelector, fields, button));
    }

    private RequestSpecification request() {
        return given().redirects().follow(false).header("Accept-Language", language).cookies(cookies);
    }

    private Page record(String url, Response response) {
        response.getDetailedCookies().forEach(c -> {
            if (c.getMaxAge() == 0) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
        String body = response.asString();
        page = new Page(response.statusCode(), url, response.header("Location"), body, Jsoup.parse(body, url));
        return page;
    }

    /** Relative paths are on the application under test. */
    public static String absolute(String url) {
        if (url.startsWith("http://") || url.startsWith("https://")) {
            return url;
        }
        return io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + url;
    }

    static String resolve(String base, String location) {
        return URI.create(base).resolve(location).toString();
    }
}
