package org.ipdesk;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.nio.file.Path;
import org.ipdesk.store.Database;
import org.ipdesk.store.OpenMode;

/**
 * The rules between the parts, as docs/architecture.md lists them ("Tidy", "Rules between the parts"). The parts:
 * address and model (values), store (the database seam) with store.sqlite and store.postgres (its engines), allocator (the rules, queries
 * and the facade), dev (the dataset generator), exchange (file exchange both ways: import, database export, address
 * lists), report (the usage report and its writers), settings (the data folder and settings.json, read by the CLI
 * and the window), cli and ui. Test classes are not checked.
 */
@AnalyzeClasses(packages = "org.ipdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String JAVAFX = "javafx..";
    private static final String[] JDBC = {"java.sql..", "javax.sql.."};
    /** A view model and its nested and anonymous classes. */
    private static final String VIEW_MODEL = "org\\.ipdesk\\..*ViewModel(\\$.*)?";
    /** A view (FXML controller) in the ui packages and its nested and anonymous classes. */
    private static final String VIEW = "org\\.ipdesk\\.ui\\..*View(\\$.*)?";

    @ArchTest
    static final ArchRule addressAndModelKnowOnlyEachOther = classes()
            .that().resideInAnyPackage("org.ipdesk.address..", "org.ipdesk.model..")
            .should().onlyDependOnClassesThat(
                    resideOutsideOfPackage("org.ipdesk..")
                            .or(resideInAnyPackage("org.ipdesk.address..", "org.ipdesk.model..")))
            .because("address and model know nothing else of IPDesk but each other");

    @ArchTest
    static final ArchRule addressAndModelUseNeitherJavafxNorJdbc = noClasses()
            .that().resideInAnyPackage("org.ipdesk.address..", "org.ipdesk.model..")
            .should().dependOnClassesThat(resideInAPackage(JAVAFX).or(resideInAnyPackage(JDBC)))
            .because("address and model are plain values: no JavaFX, no java.sql");

    @ArchTest
    static final ArchRule allocatorNeverUsesJavafxNorTheLayersAboveIt = noClasses()
            .that().resideInAPackage("org.ipdesk.allocator..")
            .should().dependOnClassesThat(resideInAnyPackage(JAVAFX,
                    "org.ipdesk.ui..", "org.ipdesk.cli..", "org.ipdesk.report..", "org.ipdesk.exchange..",
                    "org.ipdesk.service.."))
            .because("the allocator holds the rules and talks only to the store, never to JavaFX or its callers");

    @ArchTest
    static final ArchRule onlyTheStoreUsesJdbc = noClasses()
            .that().resideOutsideOfPackage("org.ipdesk.store..")
            .should().dependOnClassesThat(resideInAnyPackage(JDBC))
            .because("store is the only package that imports java.sql or writes SQL");

    @ArchTest
    static final ArchRule onlyTheSqlitePackageUsesTheSqliteDriver = noClasses()
            .that().resideOutsideOfPackage("org.ipdesk.store.sqlite..")
            .should().dependOnClassesThat(resideInAPackage("org.sqlite.."))
            .because("only store.sqlite imports org.sqlite; nothing above the store knows which engine it talks to");

    @ArchTest
    static final ArchRule onlyThePostgresPackageUsesThePostgresDriver = noClasses()
            .that().resideOutsideOfPackage("org.ipdesk.store.postgres..")
            .should().dependOnClassesThat(resideInAPackage("org.postgresql.."))
            .because("only store.postgres imports org.postgresql; nothing above the store knows which engine it talks to");

    @ArchTest
    static final ArchRule nothingAboveTheStoreNamesItsEngine = noClasses()
            .that().resideOutsideOfPackage("org.ipdesk.store..")
            .should().dependOnClassesThat(resideInAnyPackage("org.ipdesk.store.sqlite..", "org.ipdesk.store.postgres.."))
            .because("callers open a Database by its Location and ask for capabilities, never for the SQLite or"
                    + " PostgreSQL classes");

    @ArchTest
    static final ArchRule aboveTheStoreADatabaseIsOpenedByItsLocation = noClasses()
            .that().resideOutsideOfPackage("org.ipdesk.store..")
            .should().callMethod(Database.class, "open", Path.class)
            .orShould().callMethod(Database.class, "open", Path.class, OpenMode.class)
            .orShould().callMethod(Database.class, "file")
            .because("above the store a database is a Location (Allocator.open(Location, OpenMode)); only the CLI's"
                    + " --db and the window's file choosers turn a path into one, with Location.of");

    @ArchTest
    static final ArchRule openersAboveTheStoreTakeALocationNotAPath = methods()
            .that().haveName("open").and().areStatic()
            .and().areDeclaredInClassesThat().resideInAnyPackage("org.ipdesk.allocator..", "org.ipdesk.dev..")
            .should(new ArchCondition<JavaMethod>("take a Location, not a Path") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    if (method.getRawParameterTypes().stream().anyMatch(type -> type.isEquivalentTo(Path.class))) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " takes a Path"));
                    }
                }
            })
            .because("Allocator.open and DatasetGenerator.open open whatever engine a Location calls for");

    @ArchTest
    static final ArchRule reportUsesNeitherJavafxNorJdbc = noJavafxNorJdbcIn("org.ipdesk.report..");

    @ArchTest
    static final ArchRule exchangeUsesNeitherJavafxNorJdbc = noJavafxNorJdbcIn("org.ipdesk.exchange..");

    @ArchTest
    static final ArchRule observeUsesNeitherJavafxNorJdbc = noJavafxNorJdbcIn("org.ipdesk.observe..");

    @ArchTest
    static final ArchRule serviceUsesNeitherJavafxNorJdbc = noJavafxNorJdbcIn("org.ipdesk.service..");

    @ArchTest
    static final ArchRule serviceNeverUsesItsCallers = noClasses()
            .that().resideInAPackage("org.ipdesk.service..")
            .should().dependOnClassesThat(resideInAnyPackage("org.ipdesk.ui..", "org.ipdesk.cli.."))
            .because("the CLI and the window call service, never the other way");

    @ArchTest
    static final ArchRule reportNeverUsesExchange = noClasses()
            .that().resideInAPackage("org.ipdesk.report..")
            .should().dependOnClassesThat(resideInAPackage("org.ipdesk.exchange.."))
            .because("exchange writes its address lists with report's writers (CSV, XLSX); never the other way");

    @ArchTest
    static final ArchRule reportAndExchangeNeverUseTheirCallers = noClasses()
            .that().resideInAnyPackage("org.ipdesk.report..", "org.ipdesk.exchange..")
            .should().dependOnClassesThat(resideInAnyPackage("org.ipdesk.ui..", "org.ipdesk.cli.."))
            .because("the CLI and the window call report and exchange, never the other way");

    @ArchTest
    static final ArchRule cliUsesNeitherJavafxNorJdbc = noJavafxNorJdbcIn("org.ipdesk.cli..");

    @ArchTest
    static final ArchRule allocatorNeverUsesTheDevTools = noClasses()
            .that().resideInAPackage("org.ipdesk.allocator..")
            .should().dependOnClassesThat(resideInAPackage("org.ipdesk.dev.."))
            .because("the dev tools (dataset generator) write past the rules; the rules never need them");

    @ArchTest
    static final ArchRule devUsesNeitherJavafxNorJdbc = noJavafxNorJdbcIn("org.ipdesk.dev..");

    @ArchTest
    static final ArchRule settingsUseNeitherJavafxNorJdbcNorTheirCallers = noClasses()
            .that().resideInAPackage("org.ipdesk.settings..")
            .should().dependOnClassesThat(resideInAPackage(JAVAFX).or(resideInAnyPackage(JDBC))
                    .or(resideInAnyPackage("org.ipdesk.ui..", "org.ipdesk.cli..", "org.ipdesk.allocator..")))
            .because("settings (the data folder, settings.json) are read by the CLI and the window alike: plain"
                    + " values over the store's Location, no JavaFX, no java.sql");

    @ArchTest
    static final ArchRule theStoreNeverReadsTheSettings = noClasses()
            .that().resideInAPackage("org.ipdesk.store..")
            .should().dependOnClassesThat(resideInAPackage("org.ipdesk.settings.."))
            .because("the store opens the Location it is given; where the user's data lives is decided above it");

    @ArchTest
    static final ArchRule viewModelsUseOnlyBeansCollectionsAndConcurrent = noClasses()
            .that().haveNameMatching(VIEW_MODEL)
            .should().dependOnClassesThat(resideInAPackage(JAVAFX)
                    .and(not(resideInAnyPackage("javafx.beans..", "javafx.collections..", "javafx.concurrent.."))))
            .because("a view model imports only javafx.beans, javafx.collections and javafx.concurrent,"
                    + " so it is tested with plain JUnit, no toolkit")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule viewsOnlyBind = noClasses()
            .that().haveNameMatching(VIEW)
            .should().dependOnClassesThat(resideInAnyPackage("org.ipdesk.allocator..", "org.ipdesk.store.."))
            .because("a view only binds properties and forwards events to its view model: no SQL, no allocator call")
            .allowEmptyShould(true);

    /** The main window's parts other than its view and its tree cell: plain beans, tested without a toolkit. */
    private static final String MAIN_WINDOW_PART = "org\\.ipdesk\\.ui\\.main\\."
            + "(.*Commands|CommandHost|SelectionState|StatusLine|WindowPreferences|ExternalChangeWatcher"
            + "|FileSwitch|Navigation|UndoRedo|SampleDataLoader|LoadState|OpenDatabase|CopyText|ToolWindows|HelpTexts"
            + "|TeamConnection|TeamPasswords|RecentDatabase)"
            + "(\\$.*)?";

    @ArchTest
    static final ArchRule mainWindowPartsStayOutOfTheScene = noClasses()
            .that().haveNameMatching(MAIN_WINDOW_PART)
            .should().dependOnClassesThat(resideInAnyPackage("javafx.scene..", "javafx.fxml..", "javafx.stage.."))
            .because("the main window's parts (command sets, selection, file switch, navigation, status line,"
                    + " preferences, change watcher)"
                    + " are tested with plain JUnit; only MainView builds controls")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule theActionCatalogueIsPlainData = noClasses()
            .that().haveNameMatching("org\\.ipdesk\\.ui\\.action\\.(StandardAction|Command)(\\$.*)?")
            .should().dependOnClassesThat(resideInAnyPackage("javafx.scene..", "javafx.fxml..", "org.ipdesk.allocator..",
                    "org.ipdesk.store.."))
            .because("the catalogue declares actions; ActionFactory alone builds controls from it")
            .allowEmptyShould(true);

    private static ArchRule noJavafxNorJdbcIn(String layer) {
        return noClasses()
                .that().resideInAPackage(layer)
                .should().dependOnClassesThat(resideInAPackage(JAVAFX).or(resideInAnyPackage(JDBC)))
                .because("report, exchange, dev and cli use the allocator and the store's read side;"
                        + " no JavaFX, no java.sql");
    }
}
