package parc.orchestrator.notification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Notify steps through the real engine: a process with the step as the element template
 * writes it (an external task on {@code parc-notify} with input parameters), then a user
 * task so that the variables the step leaves can be read. No URL is allowed in this
 * context, as in a fresh installation.
 */
@PostgresBackedTest
class NotificationTaskServiceTest {

	private static final String WORKER = "notify-test-worker";

	@Autowired
	NotificationTaskService notifications;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ExternalTaskService tasks;

	private String key;

	@BeforeEach
	void clearLeftOvers() {
		// Steps of other tests that failed half-way: not this test's to take.
		List<ExternalTask> left = this.tasks.createExternalTaskQuery().topicName(NotificationVariables.TOPIC).list();
		left.forEach((task) -> this.runtime.deleteProcessInstance(task.getProcessInstanceId(), "test clean-up"));
		this.key = "notify-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Values with expressions in them: known only when the step runs, checked then. */
	private String started(Map<String, String> inputs) {
		this.repository.createDeployment().addModelInstance(this.key + ".bpmn", process(inputs)).deploy();
		return this.runtime.startProcessInstanceByKey(this.key).getId();
	}

	private BpmnModelInstance process(Map<String, String> inputs) {
		var step = Bpmn.createExecutableProcess(this.key)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.serviceTask("Task_Notify")
			.name("Tell the team")
			.camundaType("external")
			.camundaTopic(NotificationVariables.TOPIC);
		for (Map.Entry<String, String> input : inputs.entrySet()) {
			step = step.camundaInputParameter(input.getKey(), input.getValue());
		}
		return step.userTask("UserTask_After").endEvent().done();
	}

	private String variable(String instance, String name) {
		return (String) this.runtime.getVariable(instance, name);
	}

	private boolean stepDone(String instance) {
		return this.tasks.createExternalTaskQuery().processInstanceId(instance).count() == 0;
	}

	@Test
	void shouldHandALogNotificationToTheWorkerAndCompleteItSent() {
		String instance = started(Map.of(NotificationVariables.CHANNEL, "LOG", NotificationVariables.MESSAGE,
				"deployment of ${'web'} done"));

		List<NotificationTask> taken = this.notifications.fetch(WORKER, 10);

		assertThat(taken).singleElement().satisfies((task) -> {
			assertThat(task.notification().channel()).isEqualTo(NotificationChannel.LOG);
			assertThat(task.notification().message()).isEqualTo("deployment of web done");
			assertThat(task.notification().processKey()).isEqualTo(this.key);
			assertThat(task.attemptsLeft()).isEqualTo(3);
		});
		this.notifications.sent(taken.get(0), "written to the log");

		assertThat(stepDone(instance)).isTrue();
		assertThat(variable(instance, NotificationVariables.OUTCOME)).isEqualTo("SENT");
		assertThat(variable(instance, NotificationVariables.DETAIL)).isEqualTo("written to the log");
	}

	@Test
	void shouldLeaveAnIncidentRatherThanSendAgainWhenWhatFollowsFails() {
		BpmnModelInstance model = Bpmn.createExecutableProcess(this.key)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.serviceTask("Task_Notify")
			.camundaType("external")
			.camundaTopic(NotificationVariables.TOPIC)
			.camundaInputParameter(NotificationVariables.CHANNEL, "LOG")
			.camundaInputParameter(NotificationVariables.MESSAGE, "before a broken step")
			.serviceTask("Task_Broken")
			.camundaExpression("${noSuchVariable}")
			.endEvent()
			.done();
		this.repository.createDeployment().addModelInstance(this.key + ".bpmn", model).deploy();
		String instance = this.runtime.startProcessInstanceByKey(this.key).getId();

		this.notifications.sent(this.notifications.fetch(WORKER, 10).get(0), "written to the log");

		ExternalTask stuck = this.tasks.createExternalTaskQuery().processInstanceId(instance).singleResult();
		assertThat(stuck.getRetries()).isZero();
		assertThat(stuck.getErrorMessage()).startsWith("the process could not go on after this notification: ")
			.contains("noSuchVariable");
		assertThat(this.runtime.createIncidentQuery().processInstanceId(instance).count()).isEqualTo(1);
		assertThat(this.notifications.fetch(WORKER, 10)).as("not sent again").isEmpty();
	}

	@Test
	void shouldFailAtOnceAndGoOnWhenTheUrlIsNotAllowed() {
		String instance = started(Map.of(NotificationVariables.CHANNEL, "HTTP", NotificationVariables.MESSAGE, "x",
				NotificationVariables.URL, "${'http://127.0.0.1:9/hooks'}"));

		assertThat(this.notifications.fetch(WORKER, 10)).isEmpty();

		assertThat(stepDone(instance)).isTrue();
		assertThat(variable(instance, NotificationVariables.OUTCOME)).isEqualTo("FAILED");
		assertThat(variable(instance, NotificationVariables.DETAIL)).isEqualTo(
				"notification refused at Task_Notify: 'http://127.0.0.1:9/hooks' is not allowed: parc.notify.allowed-urls"
						+ " lists no URL");
	}

	@Test
	void shouldRefuseAtDeploymentAStepThatCouldNeverBeSentAsWritten() {
		BpmnModelInstance model = process(Map.of(NotificationVariables.CHANNEL, "HTTP", NotificationVariables.MESSAGE,
				"${machineName} done", NotificationVariables.URL, "http://127.0.0.1:9/hooks"));

		assertThatThrownBy(
				() -> this.repository.createDeployment().addModelInstance(this.key + ".bpmn", model).deploy())
			.isInstanceOfSatisfying(ParseException.class, (refused) -> {
				List<Problem> errors = refused.getResorceReports().get(0).getErrors();
				assertThat(errors).singleElement().satisfies((error) -> {
					assertThat(error.getMainElementId()).isEqualTo("Task_Notify");
					assertThat(error.getMessage()).contains(
							"Task_Notify is a notify step that could never be sent: 'http://127.0.0.1:9/hooks' is not "
									+ "allowed: parc.notify.allowed-urls lists no URL");
				});
			});
		assertThat(this.repository.createProcessDefinitionQuery().processDefinitionKey(this.key).count()).isZero();
	}

	@Test
	void shouldFailAtOnceWhenTheChannelIsUnknown() {
		String instance = started(
				Map.of(NotificationVariables.CHANNEL, "${'PAGER'}", NotificationVariables.MESSAGE, "x"));

		assertThat(this.notifications.fetch(WORKER, 10)).isEmpty();

		assertThat(variable(instance, NotificationVariables.OUTCOME)).isEqualTo("FAILED");
		assertThat(variable(instance, NotificationVariables.DETAIL)).contains("unknown channel 'PAGER'");
	}

	@Test
	void shouldTryAgainLaterWhileAttemptsAreLeftThenGoOnFailed() {
		String instance = started(Map.of(NotificationVariables.CHANNEL, "EMAIL", NotificationVariables.MESSAGE, "x",
				NotificationVariables.RECIPIENTS, "ops@example.org"));
		NotificationTask first = this.notifications.fetch(WORKER, 10).get(0);

		this.notifications.failed(first, "connection refused");

		ExternalTask waiting = this.tasks.createExternalTaskQuery().processInstanceId(instance).singleResult();
		assertThat(waiting.getRetries()).isEqualTo(2);
		assertThat(waiting.getErrorMessage()).isEqualTo("e-mail to ops@example.org failed: connection refused");
		assertThat(this.notifications.fetch(WORKER, 10)).as("not before the pause").isEmpty();

		// The pause is a minute: the last attempt is taken by hand.
		this.tasks.unlock(waiting.getId());
		NotificationTask last = new NotificationTask(waiting.getId(), WORKER, first.notification(), 1);
		this.tasks.lock(waiting.getId(), WORKER, 60_000);
		this.notifications.failed(last, "connection refused");

		assertThat(stepDone(instance)).isTrue();
		assertThat(variable(instance, NotificationVariables.OUTCOME)).isEqualTo("FAILED");
		assertThat(variable(instance, NotificationVariables.DETAIL))
			.isEqualTo("e-mail to ops@example.org failed: connection refused");
	}

}
