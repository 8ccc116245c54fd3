package parc.orchestrator;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.stereotype.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * STYLE.md sections 1 and 2: the core knows no other module and keeps each feature's
 * storage to itself.
 */
@AnalyzeClasses(packages = "parc.orchestrator", importOptions = ImportOption.DoNotIncludeTests.class)
class OrchestratorArchitectureTest {

	@ArchTest
	static final ArchRule coreDependsOnNoOtherModule = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("parc.processes..", "parc.routes..", "parc.ui..", "parc.app..", "parc.ocsagent..",
				"parc.agentlessadapter..", "org.apache.camel..", "org.apache.sshd..");

	@ArchTest
	static final ArchRule repositoriesArePackagePrivate = classes().that()
		.areAnnotatedWith(Repository.class)
		.should()
		.notBePublic()
		.andShould()
		.haveSimpleNameEndingWith("Repository");

	@ArchTest
	static final ArchRule featuresUseEachOthersServicesNotRepositories = classes().that()
		.areAnnotatedWith(Repository.class)
		.should()
		.onlyBeAccessed()
		.byClassesThat()
		.resideInAPackage("..orchestrator.(*)..")
		.because("other features call a feature's service, never its repository");

	@ArchTest
	static final ArchRule noHandWrittenManagersOrUtils = noClasses().should()
		.haveSimpleNameEndingWith("Manager")
		.orShould()
		.haveSimpleNameEndingWith("Util")
		.orShould()
		.haveSimpleNameEndingWith("Utils")
		.orShould()
		.haveSimpleNameEndingWith("Impl");

}
