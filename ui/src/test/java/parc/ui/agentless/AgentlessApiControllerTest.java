package parc.ui.agentless;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.agentless.AgentlessService;
import parc.orchestrator.agentless.InventoryCollection;
import parc.orchestrator.agentless.MachineNotAgentlessException;
import parc.orchestrator.agentless.ProbeStatus;
import parc.orchestrator.agentless.RemoteAccessException;
import parc.orchestrator.agentless.StatusLight;
import parc.orchestrator.machine.MachineService;

import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AgentlessApiController.class)
@WithMockUser(username = "alice", roles = "ADMIN")
class AgentlessApiControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AgentlessService agentless;

	@MockitoBean
	MachineService machines;

	@Test
	void shouldAnswerTheLightByItsContractName() throws Exception {
		given(this.agentless.probe(7)).willReturn(new ProbeStatus(7, StatusLight.GREEN, true, "SSH-2.0-OpenSSH_9.2p1",
				null, 14, Instant.parse("2026-12-01T10:00:00Z")));

		this.mvc.perform(post("/api/machines/7/probe").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.light").value("GREEN"))
			.andExpect(jsonPath("$.pinged").value(true))
			.andExpect(jsonPath("$.banner").value("SSH-2.0-OpenSSH_9.2p1"))
			.andExpect(jsonPath("$.checkedAt").value("2026-12-01T10:00:00Z"));
	}

	@Test
	void shouldStartACollectionAs202AndFollowIt() throws Exception {
		InventoryCollection running = new InventoryCollection(41, 7, InventoryCollection.State.RUNNING, "alice",
				Instant.parse("2026-12-01T10:00:00Z"), null, null, null);
		given(this.agentless.requestInventory(eq(7L), eq("alice"))).willReturn(running);
		given(this.agentless.collection(41)).willReturn(Optional.of(running));

		this.mvc.perform(post("/api/machines/7/inventory/collect").with(csrf()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.id").value(41))
			.andExpect(jsonPath("$.state").value("RUNNING"));
		this.mvc.perform(get("/api/machines/7/inventory/collections/41"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.requestedBy").value("alice"));
		this.mvc.perform(get("/api/machines/8/inventory/collections/41")).andExpect(status().isNotFound());
	}

	@Test
	void shouldSayWhyAMachineCannotBeCollected() throws Exception {
		given(this.agentless.requestInventory(eq(7L), eq("alice")))
			.willThrow(new MachineNotAgentlessException("Machine \"pc\" is reached by its OCS_AGENT channel"));

		this.mvc.perform(post("/api/machines/7/inventory/collect").with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Machine \"pc\" is reached by its OCS_AGENT channel"));
	}

	@Test
	void shouldReportARefusedHostKeyWithBothFingerprints() throws Exception {
		org.mockito.BDDMockito
			.willThrow(new RemoteAccessException(RemoteAccessException.Step.HOST_KEY, "the server's host key changed",
					"SHA256:new", "SHA256:old", null))
			.given(this.agentless)
			.wake(7);

		this.mvc.perform(post("/api/machines/7/wake").with(csrf()))
			.andExpect(status().isBadGateway())
			.andExpect(jsonPath("$.step").value("HOST_KEY"))
			.andExpect(jsonPath("$.presentedFingerprint").value("SHA256:new"))
			.andExpect(jsonPath("$.knownFingerprint").value("SHA256:old"));
	}

}
