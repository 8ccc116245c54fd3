package parc.ocsagent;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * STYLE.md section 1: the protocol codec is a plain library, usable without Spring, the
 * engine or a database.
 */
@AnalyzeClasses(packages = "parc.ocsagent", importOptions = ImportOption.DoNotIncludeTests.class)
class OcsAgentArchitectureTest {

	@ArchTest
	static final ArchRule plainLibrary = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "org.camunda..", "org.apache.camel..", "org.apache.sshd..",
				"java.sql..", "parc.orchestrator..", "parc.routes..", "parc.ui..", "parc.processes..");

}
