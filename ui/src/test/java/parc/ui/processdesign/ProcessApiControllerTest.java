package parc.ui.processdesign;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.processdesign.ProcessDesignService;
import parc.orchestrator.processdesign.ProcessOrigin;
import parc.orchestrator.processdesign.ProcessProblem;
import parc.orchestrator.processdesign.ProcessRefusedException;
import parc.orchestrator.processdesign.ProcessSummary;
import parc.orchestrator.processdesign.ProcessVersion;
import parc.orchestrator.processdesign.ProcessVersionNotFoundException;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The JSON contract of {@code /api/processes} and its problem documents; the service is
 * tested on the real engine, the roles in the full application.
 */
@WebMvcTest(ProcessApiController.class)
@WithMockUser(username = "dana", roles = "DESIGNER")
class ProcessApiControllerTest {

	private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

	private static final ProcessVersion DESIGNED = new ProcessVersion("deploy-package:4:x", "deploy-package",
			"Deploy a package to a machine", 4, ProcessOrigin.ENGINE_REST, "dana", AT, null, true);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ProcessDesignService processes;

	@Test
	void shouldListProcessesWithTheVersionInUse() throws Exception {
		given(this.processes.processes(null))
			.willReturn(List.of(new ProcessSummary("deploy-package", "Deploy a package to a machine", DESIGNED, 4, 1)));

		this.mvc.perform(get("/api/processes"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].key").value("deploy-package"))
			.andExpect(jsonPath("$[0].inUse.version").value(4))
			.andExpect(jsonPath("$[0].inUse.origin").value("ENGINE_REST"))
			.andExpect(jsonPath("$[0].inUse.deployedBy").value("dana"))
			.andExpect(jsonPath("$[0].shippedVersion").value(1));
	}

	@Test
	void shouldAnswerCreatedOrTheReasonsOfARefusal() throws Exception {
		MockMultipartFile good = new MockMultipartFile("file", "deploy-package.bpmn", "application/octet-stream",
				"<definitions/>".getBytes(StandardCharsets.UTF_8));
		given(this.processes.deploy(eq("deploy-package.bpmn"), any(), eq(ProcessOrigin.CONSOLE)))
			.willReturn(List.of(DESIGNED))
			.willReturn(List.of())
			.willThrow(new ProcessRefusedException(
					List.of(new ProcessProblem("Task_X", "Task_X names a delegate Parc does not have: ${x}"))));

		this.mvc.perform(multipart("/api/processes").file(good).with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$[0].version").value(4));
		this.mvc.perform(multipart("/api/processes").file(good).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().json("[]"));
		this.mvc.perform(multipart("/api/processes").file(good).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.problems[0].elementId").value("Task_X"))
			.andExpect(jsonPath("$.problems[0].reason").value("Task_X names a delegate Parc does not have: ${x}"));
	}

	@Test
	void shouldDownloadTheBpmnUnderASafeName() throws Exception {
		given(this.processes.bpmn("deploy-package", 4)).willReturn("<definitions/>".getBytes(StandardCharsets.UTF_8));

		this.mvc.perform(get("/api/processes/deploy-package/versions/4/bpmn"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"deploy-package-v4.bpmn\""))
			.andExpect(content().string("<definitions/>"));
	}

	@Test
	void shouldRollBackOrSayWhatIsMissing() throws Exception {
		given(this.processes.version("deploy-package", 1)).willReturn(new ProcessVersion("deploy-package:1:x",
				"deploy-package", "Deploy", 1, ProcessOrigin.SHIPPED, null, AT, null, false));
		given(this.processes.rollBack("deploy-package", 1)).willReturn(new ProcessVersion("deploy-package:5:x",
				"deploy-package", "Deploy", 5, ProcessOrigin.ROLLBACK, "dana", AT, 1, true));
		given(this.processes.version("deploy-package", 9))
			.willThrow(new ProcessVersionNotFoundException("deploy-package", 9));

		this.mvc.perform(post("/api/processes/deploy-package/versions/1/use").with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value(5))
			.andExpect(jsonPath("$.copiedFrom").value(1))
			.andExpect(jsonPath("$.origin").value("ROLLBACK"));
		this.mvc.perform(post("/api/processes/deploy-package/versions/9/use").with(csrf()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No version 9 of process deploy-package"));
	}

}
