package parc.ui.cluster;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.cluster.ClusterNode;
import parc.orchestrator.cluster.ClusterService;
import parc.orchestrator.cluster.NodeNotRemovableException;
import parc.orchestrator.cluster.NodeState;
import parc.ui.system.PageLinks;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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

@WebMvcTest(ClusterController.class)
@Import(PageLinks.class)
@WithMockUser(roles = "ADMIN")
class ClusterControllerTest {

	private static final Instant AT = Instant.parse("2026-12-06T02:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ClusterService cluster;

	@Test
	void shouldFlagAMissingNodeAndOfferToRemoveOnlyNodesThatAreNotUp() throws Exception {
		given(this.cluster.nodes()).willReturn(List.of(
				new ClusterNode("parc-a", "192.0.2.11:8080", "1.2.0", AT, AT, 40, 12, 1, NodeState.UP, null, null,
						true),
				new ClusterNode("parc-b", "192.0.2.12:8080", "1.2.0", AT, AT, 0, 0, 0, NodeState.MISSING, null, AT,
						false)));

		this.mvc.perform(get("/settings/cluster"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"cluster-missing\"")))
			.andExpect(content().string(containsString("Missing (no heartbeat, no clean stop): parc-b.")))
			.andExpect(content().string(containsString("id=\"forget-parc-b\"")))
			.andExpect(content().string(containsString("Remove node parc-b from the list?")))
			.andExpect(content().string(not(containsString("id=\"forget-parc-a\""))));
	}

	@Test
	void shouldRemoveAGoneNodeAndSayWhyAnUpOneStays() throws Exception {
		this.mvc.perform(post("/settings/cluster/parc-b/forget").with(csrf()))
			.andExpect(redirectedUrl("/settings/cluster"))
			.andExpect(flash().attribute("flashKey", "cluster.flash.forgotten"));
		verify(this.cluster).forget("parc-b");

		willThrow(new NodeNotRemovableException("parc-a")).given(this.cluster).forget("parc-a");
		this.mvc.perform(post("/settings/cluster/parc-a/forget").with(csrf()))
			.andExpect(redirectedUrl("/settings/cluster"))
			.andExpect(flash().attribute("flashKey", "cluster.flash.notRemovable"));
	}

}
