package parc.orchestrator.cluster;

import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.listeners.JobListenerSupport;

import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Each scheduled job that fires on this node counts for its heartbeat. */
@Configuration(proxyBeanMethods = false)
class ScheduleJobCounting {

	@Bean
	SchedulerFactoryBeanCustomizer scheduleJobCounter(WorkCounters counters) {
		JobListenerSupport listener = new JobListenerSupport() {

			@Override
			public String getName() {
				return "parc-node-counter";
			}

			@Override
			public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
				counters.scheduleJobFired();
			}

		};
		return (factory) -> factory.setGlobalJobListeners(listener);
	}

}
