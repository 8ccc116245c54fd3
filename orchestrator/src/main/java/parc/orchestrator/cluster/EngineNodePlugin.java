package parc.orchestrator.cluster;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import org.springframework.stereotype.Component;

/**
 * The engine names this node as Parc does (the host name Cockpit shows in a job's log and
 * its metrics carry), and each job it runs counts for the node's heartbeat.
 */
@Component
class EngineNodePlugin extends AbstractProcessEnginePlugin {

	private final ThisNode node;

	private final WorkCounters counters;

	EngineNodePlugin(ThisNode node, WorkCounters counters) {
		this.node = node;
		this.counters = counters;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setHostname(this.node.name());
		List<CommandInterceptor> interceptors = new ArrayList<>();
		if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
			interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
		}
		interceptors.add(new JobCounting(this.counters));
		configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
	}

	/** Counts the jobs that ran to their end; a failed one is counted when retried. */
	private static final class JobCounting extends CommandInterceptor {

		private final WorkCounters counters;

		JobCounting(WorkCounters counters) {
			this.counters = counters;
		}

		@Override
		public <T> T execute(Command<T> command) {
			T result = this.next.execute(command);
			if (command instanceof ExecuteJobsCmd) {
				this.counters.engineJobRun();
			}
			return result;
		}

	}

}
