package parc.ui.machine;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.DuplicateMachineNameException;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineEditConflictException;
import parc.orchestrator.machine.MachineNotFoundException;
import parc.orchestrator.machine.MachineQuery;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.MachineSort;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.system.paging.Page;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(MachineApiController.class)
@WithMockUser(roles = "ADMIN")
class MachineApiControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	MachineService machines;

	@Test
	void shouldServeMachineWithContractFieldNames() throws Exception {
		given(this.machines.get(7)).willReturn(ConsoleMachines.WEB_01);

		this.mvc.perform(get("/api/machines/7"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(7))
			.andExpect(jsonPath("$.name").value("web-01"))
			.andExpect(jsonPath("$.address").value("192.0.2.10"))
			.andExpect(jsonPath("$.macAddresses[0]").value("AA:BB:CC:DD:EE:01"))
			.andExpect(jsonPath("$.osFamily").value("LINUX"))
			.andExpect(jsonPath("$.channel").value("AGENTLESS_SSH"))
			.andExpect(jsonPath("$.sshPort").value(22))
			.andExpect(jsonPath("$.sshUser").value("deploy"))
			.andExpect(jsonPath("$.credentialId").isEmpty())
			.andExpect(jsonPath("$.tags[0]").value("web"))
			.andExpect(jsonPath("$.notes").value("Rack 3"))
			.andExpect(jsonPath("$.createdAt").value("2026-01-02T03:04:05Z"));
	}

	@Test
	void shouldPassNameFilterSortAndPageToService() throws Exception {
		given(this.machines.find(any())).willReturn(new Page<>(List.of(ConsoleMachines.WEB_01), 1, 10, 11));

		this.mvc
			.perform(get("/api/machines").param("name", "web")
				.param("page", "1")
				.param("size", "10")
				.param("sort", "updatedAt")
				.param("dir", "desc"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].name").value("web-01"))
			.andExpect(jsonPath("$.totalElements").value(11))
			.andExpect(jsonPath("$.totalPages").value(2));

		org.mockito.Mockito.verify(this.machines)
			.find(argThat((MachineQuery query) -> "web".equals(query.name()) && query.sort() == MachineSort.UPDATED_AT
					&& !query.ascending() && query.page().page() == 1 && query.page().size() == 10));
	}

	@Test
	void shouldAnswerCreatedWithLocation() throws Exception {
		given(this.machines.register(any())).willReturn(ConsoleMachines.WEB_01);

		this.mvc.perform(post("/api/machines").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"web-01","address":"192.0.2.10","osFamily":"LINUX","channel":"AGENTLESS_SSH"}"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "http://localhost/api/machines/7"));
	}

	@Test
	void shouldNameTheFieldInProblemWhenServiceRejectsIt() throws Exception {
		given(this.machines.register(any()))
			.willThrow(ConsoleMachines.rejectionOf(new MachineDraft("web-01", "192.0.2.10", List.of("not-a-mac"),
					OsFamily.LINUX, Channel.AGENTLESS_SSH, null, null, null, null, null, null)));

		this.mvc.perform(post("/api/machines").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"web-01","address":"192.0.2.10","macAddresses":["not-a-mac"],
				 "osFamily":"LINUX","channel":"AGENTLESS_SSH"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.errors[0].field").value("macAddresses[0]"))
			.andExpect(jsonPath("$.errors[0].message").isNotEmpty());
	}

	@Test
	void shouldNameTheFieldWhenEnumValueIsUnknown() throws Exception {
		this.mvc.perform(post("/api/machines").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"web-01","address":"192.0.2.10","osFamily":"SOLARIS","channel":"AGENTLESS_SSH"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("osFamily"))
			.andExpect(jsonPath("$.errors[0].message").value("must be one of [LINUX, WINDOWS, MACOS, OTHER]"));
	}

	@Test
	void shouldAnswerBadRequestForMalformedJson() throws Exception {
		this.mvc
			.perform(post("/api/machines").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The request body is not valid JSON for this endpoint"));
	}

	@Test
	void shouldAnswerNotFoundAndConflictAsProblems() throws Exception {
		given(this.machines.get(99)).willThrow(new MachineNotFoundException(99));
		willThrow(new MachineNotFoundException(98)).given(this.machines).delete(98);
		given(this.machines.update(eq(7L), any())).willThrow(new DuplicateMachineNameException("web-02"));

		this.mvc.perform(get("/api/machines/99"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No machine with id 99"));
		this.mvc.perform(delete("/api/machines/98").with(csrf())).andExpect(status().isNotFound());
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/machines/7")
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name":"web-02","address":"192.0.2.10","osFamily":"LINUX","channel":"AGENTLESS_SSH"}"""))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
	}

	@Test
	void shouldAnswerConflictWhenTheVersionIsStale() throws Exception {
		given(this.machines.update(eq(7L), any())).willThrow(new MachineEditConflictException(7, 3, 4));

		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/machines/7")
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name":"web-01","address":"192.0.2.10","osFamily":"LINUX","channel":"AGENTLESS_SSH",
						 "version":3}"""))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("version"));
	}

}
