package parc.orchestrator.cluster;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A node refused for its key says so in Spring Boot's "APPLICATION FAILED TO START"
 * block, not at the bottom of a stack trace. Registered in
 * {@code META-INF/spring.factories}.
 */
class SharedSecretFailureAnalyzer extends AbstractFailureAnalyzer<SharedSecretMismatchException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SharedSecretMismatchException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Give this node the same settings as the running nodes (docs/scale-out.md, \"Settings every node"
						+ " shares\"), then start it again.",
				cause);
	}

}
