package parc.ui.quickaction;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.agentless.CommandLine;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.quickaction.QuickAction;
import parc.orchestrator.quickaction.QuickActionResult;
import parc.orchestrator.quickaction.QuickActionRun;
import parc.orchestrator.quickaction.QuickActionService;
import parc.ui.system.PageLinks;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest({ QuickActionController.class, QuickActionApiController.class })
@Import(PageLinks.class)
@WithMockUser(username = "alice", roles = "ADMIN")
class QuickActionControllerTest {

	private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	QuickActionService quickActions;

	@MockitoBean
	MachineService machines;

	private static QuickActionRun diskUsage(QuickActionResult.State state) {
		QuickActionResult result = new QuickActionResult(7L, "web-01", state, 0, false,
				List.of(new CommandLine(AT, CommandLine.Stream.OUT, "Filesystem Size Used"),
						new CommandLine(AT, CommandLine.Stream.ERR, "df: /mnt/nfs: Stale file handle")),
				0, AT, AT, null);
		return new QuickActionRun(12, "disk-usage", "Disk usage", "df -h", "Get-PSDrive", List.of(), "alice", AT,
				List.of(result));
	}

	@Test
	void shouldColourTheCommandStdoutAndStderr() throws Exception {
		given(this.quickActions.run(12)).willReturn(Optional.of(diskUsage(QuickActionResult.State.DONE)));

		this.mvc.perform(get("/quick-actions/runs/12"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<span class=\"line-command\">$ Disk usage</span>")))
			.andExpect(content().string(containsString("<span class=\"line-out\">Filesystem Size Used</span>")))
			.andExpect(
					content().string(containsString("<span class=\"line-err\">df: /mnt/nfs: Stale file handle</span>")))
			.andExpect(content().string(containsString("exit code 0")))
			.andExpect(content().string(not(containsString("auto-refresh"))));
	}

	@Test
	void shouldRefreshWhileAMachineStillWorks() throws Exception {
		given(this.quickActions.run(12)).willReturn(Optional.of(diskUsage(QuickActionResult.State.RUNNING)));

		this.mvc.perform(get("/quick-actions/runs/12"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"auto-refresh\"")));
	}

	@Test
	void shouldRunFromTheFormWithOneArgumentPerLine() throws Exception {
		given(this.quickActions.start(argThat((request) -> request.actionId().equals("restart-service")
				&& request.arguments().equals(List.of("nginx", "a; rm -rf /"))
				&& request.machineIds().equals(List.of(7L, 8L))), eq("alice")))
			.willReturn(diskUsage(QuickActionResult.State.RUNNING));

		this.mvc
			.perform(post("/quick-actions").with(csrf())
				.param("actionId", "restart-service")
				.param("arguments", "nginx\r\na; rm -rf /\n")
				.param("machineIds", "7", "8"))
			.andExpect(redirectedUrl("/quick-actions/runs/12"));
	}

	@Test
	void shouldOfferTheCatalogAndStartRunsThroughTheApi() throws Exception {
		given(this.quickActions.actions()).willReturn(List
			.of(new QuickAction("uptime", Map.of("en", "Uptime", "fr", "Durée"), List.of(), "uptime", null, 120)));
		this.mvc.perform(get("/api/quick-actions")).andExpect(jsonPath("$[0].id").value("uptime"));

		given(this.quickActions.start(argThat((request) -> "uptime".equals(request.actionId())), eq("alice")))
			.willReturn(diskUsage(QuickActionResult.State.RUNNING));
		this.mvc
			.perform(post("/api/quick-actions/runs").with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"actionId\": \"uptime\", \"machineIds\": [7]}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.results[0].state").value("RUNNING"))
			.andExpect(jsonPath("$.results[0].lines[1].stream").value("ERR"));
	}

}
