package parc.processes;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Fails a process test class that leaves more than a tenth of its process untested
 * (STYLE.md section 5). Reports go to {@code target/process-test-coverage/}, kept as CI
 * artefacts.
 */
@TestConfiguration
public class ProcessCoverageConfiguration {

	@Bean
	ProcessEngineCoverageProperties processEngineCoverageProperties() {
		return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(0.9).build();
	}

}
