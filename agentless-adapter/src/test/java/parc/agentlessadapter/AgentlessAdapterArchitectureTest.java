package parc.agentlessadapter;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * STYLE.md sections 1 and 4: a plain library on MINA SSHD.
 */
@AnalyzeClasses(packages = "parc.agentlessadapter", importOptions = ImportOption.DoNotIncludeTests.class)
class AgentlessAdapterArchitectureTest {

	@ArchTest
	static final ArchRule plainLibrary = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "org.camunda..", "org.apache.camel..", "java.sql..",
				"parc.orchestrator..", "parc.routes..", "parc.ui..", "parc.processes..", "parc.ocsagent..");

}
