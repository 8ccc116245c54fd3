package parc.orchestrator.machineimport;

import java.time.Clock;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Every night at 03:30 (server time), Quartz forgets old machine imports and abandoned
 * uploads ({@link MachineImportService#forgetOldImports}). In the clustered JDBC store,
 * so one node of several runs it.
 */
@Configuration(proxyBeanMethods = false)
class ImportHousekeeping {

	static final String JOB_NAME = "machine-import-housekeeping";

	@Bean
	JobDetail machineImportHousekeepingJob() {
		return JobBuilder.newJob(Job.class).withIdentity(JOB_NAME, "parc").storeDurably().build();
	}

	@Bean
	Trigger machineImportHousekeepingTrigger(JobDetail machineImportHousekeepingJob) {
		return TriggerBuilder.newTrigger()
			.forJob(machineImportHousekeepingJob)
			.withIdentity(JOB_NAME, "parc")
			.withSchedule(
					CronScheduleBuilder.dailyAtHourAndMinute(3, 30).withMisfireHandlingInstructionFireAndProceed())
			.build();
	}

	/** The job: Spring's job factory autowires it when Quartz creates it. */
	static class Job extends QuartzJobBean {

		private static final Logger log = LoggerFactory.getLogger(Job.class);

		private MachineImportService imports;

		private Clock clock = Clock.systemUTC();

		@Autowired
		void setImports(MachineImportService imports) {
			this.imports = imports;
		}

		@Autowired(required = false)
		void setClock(Clock clock) {
			this.clock = clock;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			int forgotten = this.imports.forgetOldImports(this.clock.instant());
			log.info("Forgot {} machine import(s) older than the kept days", forgotten);
		}

	}

}
