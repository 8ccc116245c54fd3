package parc.ui;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * STYLE.md sections 1 and 4: the console talks to the orchestrator's public services
 * only. The orchestrator's jar brings the engine, JDBC and Quartz onto this module's
 * class path, so only this test keeps them out of the UI.
 */
@AnalyzeClasses(packages = "parc.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class UiArchitectureTest {

	@ArchTest
	static final ArchRule noEngineStorageOrTransport = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.camunda..", "org.springframework.jdbc..", "org.quartz..", "org.apache.camel..",
				"org.apache.sshd..", "parc.processes..", "parc.routes..", "parc.ocsagent..", "parc.agentlessadapter..")
		.because("the console uses the orchestrator's services, not the engine, the database or the transports");

	@ArchTest
	static final ArchRule controllersArePackagePrivateAndNamed = classes().that()
		.areAnnotatedWith(Controller.class)
		.or()
		.areAnnotatedWith(RestController.class)
		.should()
		.notBePublic()
		.andShould()
		.haveSimpleNameEndingWith("Controller");

}
