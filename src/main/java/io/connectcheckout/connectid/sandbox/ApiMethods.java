package io.connectcheckout.connectid.sandbox;

import io.connectcheckout.connectid.api.ApiError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The methods each Order API path serves, read once from the stand-in's own JAX-RS resources (the
 * beans whose {@code @Path} starts with {@code /capi}), for the {@code Allow} header of a 405 and of
 * an {@code OPTIONS} answer (RFC 9110 §15.5.6: a 405 "MUST generate an Allow header field ... 
 * containing a list of the target resource's currently supported methods"; found missing or wrong
 * by the outside attack, finding 5). A {@code GET} brings {@code HEAD} with it (JAX-RS serves it).
 * A path several templates match (a literal one and a {@code {param}} one) serves the methods of all.
 */
@ApplicationScoped
public class ApiMethods {

    private record Template(Pattern pattern, String method) {
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*\\})+))?\\}");

    private final BeanManager beans;
    private volatile List<Template> templates;

    public ApiMethods(BeanManager beans) {
        this.beans = beans;
    }

    /** The methods {@code path} serves, in alphabetical order; empty when no Order API endpoint has that path. */
    public Set<String> allowed(String path) {
        Set<String> methods = new TreeSet<>();
        for (Template template : templates()) {
            if (template.pattern().matcher(path).matches()) {
                methods.add(template.method());
                if (template.method().equals(HttpMethod.GET)) {
                    methods.add(HttpMethod.HEAD);
                }
            }
        }
        return methods;
    }

    /** {@link #allowed} as an {@code Allow} header value ({@code "GET, HEAD, POST"}). */
    public String allowHeader(String path) {
        return String.join(", ", allowed(path));
    }

    private List<Template> templates() {
        List<Template> known = templates;
        if (known == null) {
            known = read();
            templates = known;
        }
        return known;
    }

    private List<Template> read() {
        List<Template> found = new ArrayList<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null || !ApiError.isApiPath(join("", root.value()))) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = verb(method);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    String template = join(root.value(), sub == null ? "" : sub.value());
                    found.add(new Template(regex(template), verb));
                }
            }
        }
        return List.copyOf(found);
    }

    private static String verb(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String first = root.replaceAll("^/+|/+$", "");
        String second = sub.replaceAll("^/+|/+$", "");
        return "/" + first + (first.isEmpty() || second.isEmpty() ? "" : "/") + second;
    }

    /** A JAX-RS path template as a regular expression: {@code {name}} is one segment, {@code {name: regex}} that regex. */
    private static Pattern regex(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(template);
        int last = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(last, parameter.start())));
            regex.append(parameter.group(1) == null ? "[^/]+" : "(?:" + parameter.group(1).trim() + ")");
            last = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?");
        return Pattern.compile(regex.toString());
    }
}
