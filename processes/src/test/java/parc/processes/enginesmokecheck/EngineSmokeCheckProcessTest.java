package parc.processes.enginesmokecheck;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import parc.orchestrator.testsupport.PostgresBackedTest;
import parc.processes.ProcessCoverageConfiguration;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

@PostgresBackedTest
@Import(ProcessCoverageConfiguration.class)
class EngineSmokeCheckProcessTest {

	@Autowired
	RuntimeService runtimeService;

	@Test
	void shouldWaitOnTheTimerThenPassWhenItFires() {
		ProcessInstance instance = this.runtimeService.startProcessInstanceByKey(EngineSmokeCheckVariables.PROCESS_KEY,
				Map.of(EngineSmokeCheckVariables.DELAY, "PT1H"));

		assertThat(instance).isStarted().isWaitingAt("Timer_ShortDelayElapsed");
		// The engine read the ${delay} variable: the timer is due an hour from now, not
		// at once.
		Assertions.assertThat(job().getDuedate()).isAfter(Date.from(Instant.now().plus(Duration.ofMinutes(59))));

		execute(job());

		assertThat(instance).hasPassed("StartEvent_CheckRequested", "Timer_ShortDelayElapsed", "EndEvent_CheckPassed")
			.isEnded();
	}

}
