package parc.orchestrator;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

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
		.should(beUsedOnlyInTheirOwnPackage())
		.because("other features call a feature's service, never its repository");

	/**
	 * Every dependency on the class (a field, a constructor parameter, a call) comes from
	 * its own package: a feature's package is the feature.
	 */
	static ArchCondition<JavaClass> beUsedOnlyInTheirOwnPackage() {
		return new ArchCondition<>("be used only in their own feature's package") {

			@Override
			public void check(JavaClass repository, ConditionEvents events) {
				for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
					JavaClass user = dependency.getOriginClass();
					if (!user.getPackageName().equals(repository.getPackageName())) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}

		};
	}

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
