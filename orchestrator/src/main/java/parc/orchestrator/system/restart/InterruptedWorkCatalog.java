package parc.orchestrator.system.restart;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The kinds of work that cannot be resumed, in one place: each one's running rows fail at
 * start. Work that can be resumed declares its own {@link InterruptedWork} beside it
 * (machine imports, deployment phases).
 */
@Configuration(proxyBeanMethods = false)
class InterruptedWorkCatalog {

	@Bean
	InterruptedWork quickActionsInterrupted(JdbcClient jdbc) {
		return new RunningRows("quick action results", jdbc, "quick_action_result", List.of("RUNNING"), "FAILED",
				"error", "finished_at");
	}

	@Bean
	InterruptedWork filePullsInterrupted(JdbcClient jdbc) {
		return new RunningRows("file pulls", jdbc, "file_pull", List.of("IN_PROGRESS"), "FAILED", "error",
				"finished_at");
	}

	@Bean
	InterruptedWork inventoryCollectionsInterrupted(JdbcClient jdbc) {
		return new RunningRows("inventory collections", jdbc, "inventory_collection", List.of("RUNNING"), "FAILED",
				"error", "finished_at");
	}

	@Bean
	InterruptedWork sweepsInterrupted(JdbcClient jdbc) {
		return new RunningRows("network sweeps", jdbc, "sweep", List.of("RUNNING"), "FAILED", "error", "finished_at");
	}

	@Bean
	InterruptedWork scheduleRunsInterrupted(JdbcClient jdbc) {
		// A run handed over to the engine (a periodic inventory's machines) goes on after
		// a restart.
		return new RunningRows("schedule runs", jdbc, "schedule_run", List.of("RUNNING"), "FAILED", "error",
				"finished_at", "not handed_over");
	}

}
