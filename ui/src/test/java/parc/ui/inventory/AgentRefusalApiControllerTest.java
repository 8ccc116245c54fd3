package parc.ui.inventory;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.agent.refusal.AgentRefusal;
import parc.orchestrator.agent.refusal.AgentRefusalService;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AgentRefusalApiController.class)
@WithMockUser(roles = "ADMIN")
class AgentRefusalApiControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AgentRefusalService refusals;

	@Test
	void shouldAnswerTheListWithItsFieldNames() throws Exception {
		given(this.refusals.find("Curious", 12L, new PageRequest(0, 10)))
			.willReturn(new Page<>(
					List.of(new AgentRefusal(4, "192.0.2.9", "Curious-Agent_v0.1", 415,
							"Content-Type application/json ...", "pc-2026-12-06-00-00-00", 12L, "pc",
							Instant.parse("2026-12-06T01:00:00Z"), Instant.parse("2026-12-06T02:00:00Z"), 3)),
					0, 10, 1));

		this.mvc.perform(get("/api/agent-refusals").param("q", "Curious").param("machineId", "12").param("size", "10"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].remoteAddress").value("192.0.2.9"))
			.andExpect(jsonPath("$.content[0].userAgent").value("Curious-Agent_v0.1"))
			.andExpect(jsonPath("$.content[0].status").value(415))
			.andExpect(jsonPath("$.content[0].reason").value("Content-Type application/json ..."))
			.andExpect(jsonPath("$.content[0].deviceId").value("pc-2026-12-06-00-00-00"))
			.andExpect(jsonPath("$.content[0].machineId").value(12))
			.andExpect(jsonPath("$.content[0].machineName").value("pc"))
			.andExpect(jsonPath("$.content[0].firstAt").value("2026-12-06T01:00:00Z"))
			.andExpect(jsonPath("$.content[0].lastAt").value("2026-12-06T02:00:00Z"))
			.andExpect(jsonPath("$.content[0].times").value(3));
	}

	@Test
	void shouldSayHowManyRowsEmptyingRemoved() throws Exception {
		given(this.refusals.clear()).willReturn(5);

		this.mvc.perform(delete("/api/agent-refusals").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.removed").value(5));
	}

}
