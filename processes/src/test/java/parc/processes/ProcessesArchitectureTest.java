package parc.processes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * STYLE.md sections 1 and 4: delegates call ports and services; they know neither SSH,
 * HTTP nor storage.
 */
@AnalyzeClasses(packages = "parc.processes", importOptions = ImportOption.DoNotIncludeTests.class)
class ProcessesArchitectureTest {

	@ArchTest
	static final ArchRule delegatesKnowNoTransportOrStorage = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.apache.camel..", "org.apache.sshd..", "org.springframework.jdbc..", "parc.ui..",
				"parc.routes..", "parc.ocsagent..", "parc.agentlessadapter..");

	@ArchTest
	static final ArchRule delegatesAreNamedAfterWhatTheyDo = com.tngtech.archunit.lang.syntax.ArchRuleDefinition
		.classes()
		.that()
		.implement(org.camunda.bpm.engine.delegate.JavaDelegate.class)
		.should()
		.haveSimpleNameEndingWith("Delegate")
		.allowEmptyShould(true);

}
