package parc.routes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * STYLE.md section 1: routes implement the orchestrator's ports with the two libraries;
 * they never reach into the console or the processes.
 */
@AnalyzeClasses(packages = "parc.routes", importOptions = ImportOption.DoNotIncludeTests.class)
class RoutesArchitectureTest {

	@ArchTest
	static final ArchRule routesKnowNeitherConsoleNorProcesses = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("parc.ui..", "parc.processes..", "parc.app..");

}
