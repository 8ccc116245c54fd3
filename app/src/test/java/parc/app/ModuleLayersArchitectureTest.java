package parc.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module arrows of docs/architecture.md ("Modules") over all of Parc's classes at
 * once (only this leaf sees them all). The Maven enforcer checks the same edges between
 * jars; this catches them between packages too.
 */
@AnalyzeClasses(packages = "parc",
		importOptions = { ImportOption.DoNotIncludeTests.class, ModuleLayersArchitectureTest.NoTestJars.class })
class ModuleLayersArchitectureTest {

	/**
	 * Other modules' test-jars (shared test support) are on this class path;
	 * DoNotIncludeTests only knows folders.
	 */
	static final class NoTestJars implements ImportOption {

		@Override
		public boolean includes(Location location) {
			return !location.contains("-tests.jar");
		}

	}

	@ArchTest
	static final ArchRule modulesFollowDesign = layeredArchitecture().consideringOnlyDependenciesInLayers()
		.layer("App")
		.definedBy("parc.app..")
		.layer("Ui")
		.definedBy("parc.ui..")
		.layer("Routes")
		.definedBy("parc.routes..")
		.layer("Processes")
		.definedBy("parc.processes..")
		.layer("Orchestrator")
		.definedBy("parc.orchestrator..")
		.optionalLayer("OcsAgent")
		.definedBy("parc.ocsagent..")
		.optionalLayer("AgentlessAdapter")
		.definedBy("parc.agentlessadapter..")
		.whereLayer("App")
		.mayNotBeAccessedByAnyLayer()
		.whereLayer("Ui")
		.mayOnlyBeAccessedByLayers("App")
		.whereLayer("Routes")
		.mayOnlyBeAccessedByLayers("App")
		.whereLayer("Processes")
		.mayOnlyBeAccessedByLayers("App")
		.whereLayer("Orchestrator")
		.mayOnlyBeAccessedByLayers("Ui", "Routes", "Processes", "App")
		.whereLayer("OcsAgent")
		.mayOnlyBeAccessedByLayers("Routes", "App")
		.whereLayer("AgentlessAdapter")
		.mayOnlyBeAccessedByLayers("Routes", "App");

	@ArchTest
	static final ArchRule noCyclesBetweenModules = slices().matching("parc.(*)..").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule noCyclesBetweenOrchestratorFeatures = slices().matching("parc.orchestrator.(*)..")
		.should()
		.beFreeOfCycles();

}
