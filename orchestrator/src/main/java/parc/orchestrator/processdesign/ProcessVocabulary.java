package parc.orchestrator.processdesign;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

import parc.orchestrator.deployment.DeploymentPhaseVariables;
import parc.orchestrator.notification.NotificationVariables;
import parc.orchestrator.notification.NotifyStepRules;

/**
 * What a process may name: Parc's delegates, the beans marked
 * {@link ProcessExpressionBean}, and the external-task topics Parc's workers serve. Read
 * from the bean definitions, so it is complete before any bean is created (the engine
 * deploys the shipped processes while the context starts).
 */
@Component
class ProcessVocabulary {

	private final ConfigurableListableBeanFactory beans;

	private volatile Set<String> delegates;

	private volatile Set<String> expressionBeans;

	private final NotifyStepRules notifyStepRules;

	ProcessVocabulary(ConfigurableListableBeanFactory beans, NotifyStepRules notifyStepRules) {
		this.beans = beans;
		this.notifyStepRules = notifyStepRules;
	}

	/** What a notify step must give, as the administrator configured notifications. */
	NotifyStepRules notifyStepRules() {
		return this.notifyStepRules;
	}

	/** Bean names a {@code camunda:delegateExpression} may give. */
	Set<String> delegates() {
		if (this.delegates == null) {
			this.delegates = namesOf(JavaDelegate.class);
		}
		return this.delegates;
	}

	/** Bean names any expression may use: delegates, listeners and marked beans. */
	Set<String> expressionBeans() {
		if (this.expressionBeans == null) {
			Set<String> names = new TreeSet<>(delegates());
			names.addAll(namesOf(ExecutionListener.class));
			names.addAll(namesOf(TaskListener.class));
			names.addAll(List.of(this.beans.getBeanNamesForAnnotation(ProcessExpressionBean.class)));
			this.expressionBeans = Set.copyOf(names);
		}
		return this.expressionBeans;
	}

	/** The topics Parc's workers serve: the phases' and the notify step's. */
	List<String> topics() {
		List<String> topics = new java.util.ArrayList<>(DeploymentPhaseVariables.servedTopics());
		topics.add(NotificationVariables.TOPIC);
		return topics;
	}

	private Set<String> namesOf(Class<?> type) {
		return Set.of(this.beans.getBeanNamesForType(type, false, false));
	}

}
