package io.connectcheckout;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The checkout and its two stand-ins stay apart, so that each sandbox can run as a separate
 * service unchanged: a sandbox uses only its own package tree, the published wire contracts
 * ({@code connectid.api}, {@code payment.api}) and {@code common}; the checkout uses neither
 * sandbox; {@code common} and the contracts use nothing else of {@code io.connectcheckout}.
 *
 * <p>Checked twice: on the main class files with ArchUnit (imports, fully qualified names,
 * annotations, signatures), and on the sources, for what the compiler leaves out of class files
 * (a constant it inlined, an {@code import} never used).
 */
class ArchitectureTest {

    private static final String BASE = "io.connectcheckout..";
    private static final String CONNECTID_SANDBOX = "io.connectcheckout.connectid.sandbox..";
    private static final String PAYMENT_SANDBOX = "io.connectcheckout.payment.sandbox..";
    private static final String[] SHARED = {"io.connectcheckout.connectid.api..", "io.connectcheckout.payment.api..",
        "io.connectcheckout.common.."};

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.connectcheckout");

    @Test
    void theConnectIdSandboxUsesOnlyItselfTheContractsAndCommon() {
        onlyItselfAndShared(CONNECTID_SANDBOX);
    }

    @Test
    void thePaymentSandboxUsesOnlyItselfTheContractsAndCommon() {
        onlyItselfAndShared(PAYMENT_SANDBOX);
    }

    @Test
    void theCheckoutUsesNeitherSandbox() {
        noClasses().that().resideInAPackage(BASE).and().resideOutsideOfPackages(CONNECTID_SANDBOX, PAYMENT_SANDBOX)
                .should().dependOnClassesThat().resideInAnyPackage(CONNECTID_SANDBOX, PAYMENT_SANDBOX)
                .check(MAIN);
    }

    @Test
    void commonAndTheContractsUseNothingElseOfTheApplication() {
        for (String shared : SHARED) {
            classes().that().resideInAPackage(shared)
                    .should().onlyDependOnClassesThat(not(resideInAPackage(BASE)).or(resideInAPackage(shared)))
                    .check(MAIN);
        }
    }

    @Test
    void noSandboxSourceNamesTheCheckout() throws IOException {
        List<String> found = new ArrayList<>();
        found.addAll(mentions("connectid/sandbox", "io.connectcheckout.connectid.sandbox"));
        found.addAll(mentions("payment/sandbox", "io.connectcheckout.payment.sandbox"));
        assertEquals(List.of(), found, "a sandbox names code outside its own tree, the contracts and common");
    }

    @Test
    void noCheckoutSourceNamesASandbox() throws IOException {
        List<String> found = new ArrayList<>();
        Pattern sandbox = Pattern.compile("io\\.connectcheckout\\.(connectid|payment)\\.sandbox\\b");
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(ArchitectureTest::isJava).filter(f -> !inSandbox(f)).toList()) {
                Matcher m = sandbox.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(SOURCES.relativize(file) + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), found, "the checkout names a sandbox's code");
    }

    private static final Path SOURCES = Path.of("src/main/java/io/connectcheckout");
    private static final Pattern NAME = Pattern.compile("io\\.connectcheckout(\\.[a-z][a-z0-9_]*)+");

    private static void onlyItselfAndShared(String sandbox) {
        classes().that().resideInAPackage(sandbox)
                .should().onlyDependOnClassesThat(not(resideInAPackage(BASE))
                        .or(resideInAPackage(sandbox)).or(resideInAnyPackage(SHARED)))
                .check(MAIN);
    }

    /** Every {@code io.connectcheckout...} name in the tree's sources that is not the tree's own, a contract's or common's. */
    private static List<String> mentions(String tree, String own) throws IOException {
        List<String> allowed = List.of(own, "io.connectcheckout.connectid.api", "io.connectcheckout.payment.api",
                "io.connectcheckout.common");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve(tree))) {
            for (Path file : files.filter(ArchitectureTest::isJava).toList()) {
                Matcher m = NAME.matcher(Files.readString(file));
                while (m.find()) {
                    String name = m.group();
                    if (allowed.stream().noneMatch(a -> name.equals(a) || name.startsWith(a + "."))) {
                        found.add(SOURCES.relativize(file) + ": " + name);
                    }
                }
            }
        }
        return found;
    }

    private static boolean isJava(Path file) {
        return file.toString().endsWith(".java");
    }

    private static boolean inSandbox(Path file) {
        String path = SOURCES.relativize(file).toString().replace('\\', '/');
        return path.startsWith("connectid/sandbox/") || path.startsWith("payment/sandbox/");
    }
}
