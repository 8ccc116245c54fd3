package parc.routes.agent;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that answer agents. Camel's platform-http on Spring Boot hands every
 * request to the first {@code ThreadPoolTaskExecutor} it finds among the application's
 * executors; without this one that was Camunda's job executor pool (10 threads, a queue
 * of 3), so agents competed with process jobs and were refused with 500 under load.
 * Ordered first so platform-http takes it; sized for the database pool, with a bounded
 * queue so a flood of agents waits in line rather than exhausting memory.
 */
@Configuration(proxyBeanMethods = false)
class AgentEndpointConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	ThreadPoolTaskExecutor agentEndpointExecutor(AgentEndpointProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix("agent-http-");
		executor.setCorePoolSize(properties.threads());
		executor.setMaxPoolSize(properties.threads());
		executor.setQueueCapacity(properties.queue());
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(10);
		return executor;
	}

}
