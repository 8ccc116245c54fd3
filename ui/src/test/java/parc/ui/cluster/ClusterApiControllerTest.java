package parc.ui.cluster;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.cluster.ClusterNode;
import parc.orchestrator.cluster.ClusterService;
import parc.orchestrator.cluster.NodeNotRemovableException;
import parc.orchestrator.cluster.NodeState;

import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ClusterApiController.class)
@WithMockUser(roles = "ADMIN")
class ClusterApiControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ClusterService cluster;

	@Test
	void shouldAnswerTheNodesWithTheirFieldNames() throws Exception {
		given(this.cluster.nodes()).willReturn(List.of(new ClusterNode("parc-b", "192.0.2.12:8080", "1.2.0",
				Instant.parse("2026-12-06T01:00:00Z"), Instant.parse("2026-12-06T02:00:00Z"), 120, 30, 2,
				NodeState.MISSING, null, Instant.parse("2026-12-06T02:00:00Z"), false)));

		this.mvc.perform(get("/api/cluster/nodes"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].name").value("parc-b"))
			.andExpect(jsonPath("$[0].address").value("192.0.2.12:8080"))
			.andExpect(jsonPath("$[0].version").value("1.2.0"))
			.andExpect(jsonPath("$[0].startedAt").value("2026-12-06T01:00:00Z"))
			.andExpect(jsonPath("$[0].lastHeartbeat").value("2026-12-06T02:00:00Z"))
			.andExpect(jsonPath("$[0].engineJobs").value(120))
			.andExpect(jsonPath("$[0].phaseTasks").value(30))
			.andExpect(jsonPath("$[0].scheduleJobs").value(2))
			.andExpect(jsonPath("$[0].state").value("MISSING"))
			.andExpect(jsonPath("$[0].missingSince").value("2026-12-06T02:00:00Z"))
			.andExpect(jsonPath("$[0].self").value(false));
	}

	@Test
	void shouldForgetAGoneNodeAndRefuseOneThatIsUp() throws Exception {
		this.mvc.perform(delete("/api/cluster/nodes/parc-b").with(csrf())).andExpect(status().isNoContent());
		verify(this.cluster).forget("parc-b");

		willThrow(new NodeNotRemovableException("parc-a")).given(this.cluster).forget("parc-a");
		this.mvc.perform(delete("/api/cluster/nodes/parc-a").with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail")
				.value("No stopped or missing node is named parc-a: a node that is up cannot be removed"));
	}

}
