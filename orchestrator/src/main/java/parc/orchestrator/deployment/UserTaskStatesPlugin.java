package parc.orchestrator.deployment;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Attaches {@link ApprovalTaskListener} to every user task the engine parses, whoever
 * deployed the process, so that a designer's approval step shows in Parc's console with
 * no Java. Picked up by the Camunda Spring Boot starter as a process engine plugin.
 */
@Component
class UserTaskStatesPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<MachineProgress> progress;

	/** Lazily: the engine is built before the services the listener calls. */
	UserTaskStatesPlugin(ObjectProvider<MachineProgress> progress) {
		this.progress = progress;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		TaskListener listener = (task) -> new ApprovalTaskListener(this.progress.getObject()).notify(task);
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {

			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
					return;
				}
				TaskDefinition definition = behavior.getTaskDefinition();
				definition.addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
				definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
			}

		});
	}

}
