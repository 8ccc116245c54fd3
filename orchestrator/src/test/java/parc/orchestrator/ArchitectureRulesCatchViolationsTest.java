package parc.orchestrator;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of {@link OrchestratorArchitectureTest} fail where they must: on classes
 * planted with the violation.
 */
class ArchitectureRulesCatchViolationsTest {

	@Test
	void shouldFailWhenAnotherFeatureUsesARepository() {
		JavaClasses planted = new ClassFileImporter().importPackages("parc.orchestrator.archfixture");

		assertThatThrownBy(
				() -> OrchestratorArchitectureTest.featuresUseEachOthersServicesNotRepositories.check(planted))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("PlantedIntruder")
			.hasMessageNotContaining("PlantedService");
	}

	@Test
	void shouldPassWhenOnlyTheFeatureUsesItsRepository() {
		JavaClasses feature = new ClassFileImporter().importPackages("parc.orchestrator.archfixture.feature");

		assertThatCode(() -> OrchestratorArchitectureTest.featuresUseEachOthersServicesNotRepositories.check(feature))
			.doesNotThrowAnyException();
	}

}
