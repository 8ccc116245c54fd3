package parc.ui.group;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.group.GroupChangeRefusedException;
import parc.orchestrator.group.GroupCriterion;
import parc.orchestrator.group.GroupExpressionParser;
import parc.orchestrator.group.GroupField;
import parc.orchestrator.group.GroupFieldInfo;
import parc.orchestrator.group.GroupMode;
import parc.orchestrator.group.GroupNotFoundException;
import parc.orchestrator.group.GroupOperator;
import parc.orchestrator.group.GroupService;
import parc.orchestrator.group.GroupType;
import parc.orchestrator.group.GroupViewer;
import parc.orchestrator.group.InvalidGroupException;
import parc.orchestrator.group.MachineGroup;
import parc.orchestrator.user.Role;

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

/**
 * The JSON contract of {@code /api/groups} (issue #7) and its problem documents; the
 * service behind it is tested on PostgreSQL in the orchestrator.
 */
@WebMvcTest(GroupApiController.class)
@WithMockUser(username = "alice", roles = "ADMIN")
class GroupApiControllerTest {

	private static final GroupViewer ALICE = new GroupViewer("alice", Role.ADMIN);

	private static final MachineGroup LINUX = new MachineGroup(7, "Linux servers", GroupType.DYNAMIC, GroupMode.QUERY,
			"AND(1, NOT(2))",
			List.of(new GroupCriterion("osFamily", GroupOperator.EQUALS, "LINUX"),
					new GroupCriterion("software", GroupOperator.EQUALS, "firefox*")),
			true, "alice", List.of(), Instant.parse("2026-12-02T10:00:00Z"), Instant.parse("2026-12-02T10:00:00Z"), 0);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	GroupService groups;

	@MockitoBean
	DeploymentService deployments;

	@Test
	void shouldListTheFieldsWithTheirOperators() throws Exception {
		given(this.groups.fields()).willReturn(List.of(info(GroupField.NAME), info(GroupField.OS_FAMILY)));

		this.mvc.perform(get("/api/groups/fields"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].key").value("name"))
			.andExpect(jsonPath("$[0].label").value("Machine name"))
			.andExpect(jsonPath("$[0].type").value("TEXT"))
			.andExpect(jsonPath("$[0].operators[2]").value("CONTAINS"))
			.andExpect(jsonPath("$[1].choices[0]").value("LINUX"));
	}

	@Test
	void shouldLabelTheFieldsInFrench() throws Exception {
		given(this.groups.fields()).willReturn(List.of(info(GroupField.NAME)));

		this.mvc.perform(get("/api/groups/fields").header("Accept-Language", "fr"))
			.andExpect(jsonPath("$[0].label").value("Nom de la machine"));
	}

	@Test
	void shouldCreateAGroupFromTheContractsBody() throws Exception {
		given(this.groups.create(argThat((draft) -> draft.type() == GroupType.DYNAMIC && draft.criteria().size() == 2
				&& draft.criteria().get(1).operator() == GroupOperator.EQUALS
				&& "AND(1, NOT(2))".equals(draft.expression()) && draft.mode() == GroupMode.QUERY && draft.visible()),
				eq(ALICE)))
			.willReturn(LINUX);

		this.mvc.perform(post("/api/groups").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "Linux servers", "type": "DYNAMIC", "machineIds": [],
				 "criteria": [{"field": "osFamily", "operator": "EQUALS", "value": "LINUX"},
				              {"field": "software", "operator": "EQUALS", "value": "firefox*"}],
				 "expression": "AND(1, NOT(2))", "mode": "QUERY", "visible": true}""").with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "http://localhost/api/groups/7"))
			.andExpect(jsonPath("$.id").value(7))
			.andExpect(jsonPath("$.criteria[1].value").value("firefox*"))
			.andExpect(jsonPath("$.mode").value("QUERY"));
	}

	@Test
	void shouldAnswerABadExpressionWithItsPosition() throws Exception {
		given(this.groups.create(any(), any())).willAnswer((call) -> GroupExpressionParser.parse("AND(1, OR(2)", 2));

		this.mvc.perform(post("/api/groups").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "broken", "type": "DYNAMIC", "criteria": [{"field": "name", "value": "a*"},
				 {"field": "name", "value": "b*"}], "expression": "AND(1, OR(2)"}""").with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.position").value(13))
			.andExpect(jsonPath("$.reason").exists())
			.andExpect(jsonPath("$.errors[0].field").value("expression"));
	}

	@Test
	void shouldNameTheCriterionThatCannotRun() throws Exception {
		given(this.groups.create(any(), any()))
			.willThrow(new InvalidGroupException("criteria[0].field", "unknown field 'colour'"));

		this.mvc.perform(post("/api/groups").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "x", "type": "DYNAMIC", "criteria": [{"field": "colour", "value": "red"}]}""").with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("criteria[0].field"))
			.andExpect(jsonPath("$.errors[0].message").value("unknown field 'colour'"));
	}

	@Test
	void shouldRefuseAnUnknownTypeNamingTheField() throws Exception {
		this.mvc.perform(post("/api/groups").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "x", "type": "SMART"}""").with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("type"));
	}

	@Test
	void shouldAnswer404ForAGroupNotSeenAnd409ForARefusedDeletion() throws Exception {
		given(this.groups.get(9, ALICE)).willThrow(new GroupNotFoundException(9));
		willThrow(new GroupChangeRefusedException("Only bob, who created the group, may delete it")).given(this.groups)
			.delete(7, ALICE);

		this.mvc.perform(get("/api/groups/9")).andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/groups/7").with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Only bob, who created the group, may delete it"));
	}

	@Test
	@WithMockUser(username = "reader", roles = "USER")
	void shouldAskTheServiceAsAReaderForAReader() throws Exception {
		given(this.groups.get(7, new GroupViewer("reader", Role.USER))).willReturn(LINUX);

		this.mvc.perform(get("/api/groups/7"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Linux servers"));
	}

	private static GroupFieldInfo info(GroupField field) {
		return new GroupFieldInfo(field.key(), field.label(), field.type(), field.type().operators(), field.choices());
	}

}
