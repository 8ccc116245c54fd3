package parc.ui.agentless;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.agentless.AgentlessService;
import parc.orchestrator.agentless.AgentlessSettings;
import parc.orchestrator.agentless.AgentlessSettingsService;
import parc.orchestrator.agentless.MachineNotAgentlessException;
import parc.orchestrator.agentless.ProbeStatus;
import parc.orchestrator.agentless.StatusLight;
import parc.orchestrator.hostkey.HostKeyNotFoundException;
import parc.orchestrator.hostkey.HostKeyService;
import parc.orchestrator.hostkey.HostKeyTrust;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.ui.system.PageLinks;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest({ AgentlessController.class, AgentlessSettingsController.class })
@Import(PageLinks.class)
@WithMockUser(username = "alice", roles = "ADMIN")
class AgentlessControllerTest {

	private static final Machine WEB_01 = new Machine(7, "web-01", "192.0.2.10", List.of("AA:BB:CC:DD:EE:01"),
			OsFamily.LINUX, Channel.AGENTLESS_SSH, 2222, "deploy", 3L, List.of(), null, Instant.EPOCH, Instant.EPOCH,
			1);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AgentlessService agentless;

	@MockitoBean
	HostKeyService hostKeys;

	@MockitoBean
	MachineService machines;

	@MockitoBean
	AgentlessSettingsService settings;

	@Test
	void shouldProbeAndSayTheLightInTheFlash() throws Exception {
		given(this.agentless.probe(7))
			.willReturn(new ProbeStatus(7, StatusLight.RED, false, null, "no answer", 4000, Instant.now()));

		this.mvc.perform(post("/machines/7/probe").with(csrf()))
			.andExpect(redirectedUrl("/machines/7"))
			.andExpect(flash().attribute("flashKey", "light.flash.RED"));
	}

	@Test
	void shouldSayWhyAMachineCannotBeInventoried() throws Exception {
		given(this.agentless.requestInventory(7, "alice"))
			.willThrow(new MachineNotAgentlessException("Machine \"web-01\" has no credential"));

		this.mvc.perform(post("/machines/7/collect").with(csrf()))
			.andExpect(redirectedUrl("/machines/7"))
			.andExpect(flash().attribute("flashKey", "agentless.flash.notAgentless"));
	}

	@Test
	void shouldAcceptOnlyTheFingerprintTheAdministratorSaw() throws Exception {
		given(this.machines.get(7)).willReturn(WEB_01);

		this.mvc.perform(post("/machines/7/host-key/accept").with(csrf()).param("fingerprint", "SHA256:new"))
			.andExpect(flash().attribute("flashKey", "hostKey.flash.accepted"));
		verify(this.hostKeys).acceptPresentedKey("192.0.2.10", 2222, "SHA256:new", "alice");

		willThrow(new HostKeyNotFoundException("192.0.2.10", 2222)).given(this.hostKeys)
			.acceptPresentedKey("192.0.2.10", 2222, "SHA256:stale", "alice");
		this.mvc.perform(post("/machines/7/host-key/accept").with(csrf()).param("fingerprint", "SHA256:stale"))
			.andExpect(flash().attribute("flashKey", "hostKey.flash.changedAgain"));
	}

	@Test
	void shouldWakeEveryMac() throws Exception {
		given(this.machines.get(7)).willReturn(WEB_01);

		this.mvc.perform(post("/machines/7/wake").with(csrf()))
			.andExpect(flash().attribute("flashKey", "agentless.flash.woken"));
		verify(this.agentless).wake(7);
	}

	@Test
	void shouldShowAndSaveTheAgentlessSettings() throws Exception {
		given(this.settings.settings()).willReturn(AgentlessSettings.defaults());
		given(this.hostKeys.list()).willReturn(List.of());

		this.mvc.perform(get("/settings/agentless"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"255.255.255.255\"")))
			.andExpect(content().string(containsString("value=\"100\"")));

		this.mvc
			.perform(post("/settings/agentless").with(csrf())
				.param("hostKeyTrust", "REQUIRE_APPROVAL")
				.param("wakeBroadcastAddress", " 198.51.100.255 ")
				.param("wakePort", "7")
				.param("wakeRepeats", "2")
				.param("probeTimeoutMillis", "1500")
				.param("inventoryTimeLimitSeconds", "120")
				.param("filePullFolder", "/var/log/diag")
				.param("filePullMaxMegabytes", "10"))
			.andExpect(redirectedUrl("/settings/agentless"));
		verify(this.settings).update(argThat((saved) -> saved.hostKeyTrust() == HostKeyTrust.REQUIRE_APPROVAL
				&& saved.wakeBroadcastAddress().equals("198.51.100.255")
				&& saved.filePullMaxBytes() == 10L * 1024 * 1024));
	}

}
