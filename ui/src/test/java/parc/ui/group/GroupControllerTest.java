package parc.ui.group;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.group.GroupCriterion;
import parc.orchestrator.group.GroupExpressionParser;
import parc.orchestrator.group.GroupField;
import parc.orchestrator.group.GroupFieldInfo;
import parc.orchestrator.group.GroupImport;
import parc.orchestrator.group.GroupImportKind;
import parc.orchestrator.group.GroupImportLine;
import parc.orchestrator.group.GroupImportOutcome;
import parc.orchestrator.group.GroupImportService;
import parc.orchestrator.group.GroupMode;
import parc.orchestrator.group.GroupOperator;
import parc.orchestrator.group.GroupService;
import parc.orchestrator.group.GroupShare;
import parc.orchestrator.group.GroupType;
import parc.orchestrator.group.GroupViewer;
import parc.orchestrator.group.MachineGroup;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.user.Role;
import parc.orchestrator.user.UserAccountService;
import parc.ui.system.PageLinks;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every groups page renders with its data, in English and French, and the form keeps what
 * was typed when the expression is wrong. The service is mocked: it is tested on
 * PostgreSQL in the orchestrator, and the pages end to end in the browser tests.
 */
@WebMvcTest({ GroupController.class, GroupImportController.class })
@Import(PageLinks.class)
@WithMockUser(username = "alice", roles = "ADMIN")
class GroupControllerTest {

	private static final GroupViewer ALICE = new GroupViewer("alice", Role.ADMIN);

	private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

	private static final MachineGroup STATIC = new MachineGroup(3, "Chosen", GroupType.STATIC, null, null, List.of(),
			false, "alice", List.of(GroupShare.role(Role.USER)), NOW, NOW, 2);

	private static final MachineGroup DYNAMIC = new MachineGroup(4, "Linux", GroupType.DYNAMIC, GroupMode.RESULT,
			"AND(1, NOT(2))",
			List.of(new GroupCriterion("osFamily", GroupOperator.EQUALS, "LINUX"),
					new GroupCriterion("memory", GroupOperator.BETWEEN, "1000", "2000")),
			true, "bob", List.of(GroupShare.user("alice")), NOW, NOW, 1);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	GroupService groups;

	@MockitoBean
	GroupImportService imports;

	@MockitoBean
	MachineService machines;

	@MockitoBean
	DeploymentService deployments;

	@MockitoBean
	UserAccountService accounts;

	@BeforeEach
	void data() {
		GroupField field = GroupField.OS_FAMILY;
		given(this.groups.fields()).willReturn(List.of(new GroupFieldInfo(field.key(), field.label(), field.type(),
				field.type().operators(), field.choices())));
		given(this.machines.find(any())).willReturn(new Page<>(List.of(), 0, 500, 0));
		given(this.groups.get(3, ALICE)).willReturn(STATIC);
		given(this.groups.get(4, ALICE)).willReturn(DYNAMIC);
		given(this.groups.members(anyLong(), eq(ALICE), any(), anyBoolean(), any()))
			.willReturn(new Page<>(List.of(), 0, 25, 0));
		given(this.groups.list(eq(ALICE), any(), any())).willReturn(new Page<>(List.of(STATIC, DYNAMIC), 0, 25, 2));
		given(this.groups.memberIds(anyLong(), eq(ALICE))).willReturn(List.of());
		given(this.deployments.summariesOfGroup(anyLong(), any())).willReturn(new Page<>(List.of(), 0, 10, 0));
		given(this.accounts.findAll()).willReturn(List.of());
	}

	@Test
	void shouldRenderTheListAndBothNewForms() throws Exception {
		this.mvc.perform(get("/groups"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Chosen")))
			.andExpect(content().string(containsString("shared with you")));
		this.mvc.perform(get("/groups/new").param("type", "DYNAMIC"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("criteria2.value")));
		this.mvc.perform(get("/groups/new").param("type", "STATIC").header("Accept-Language", "fr"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nouveau groupe statique")));
	}

	@Test
	void shouldRenderTheDetailsEditPickerAndDeletePages() throws Exception {
		this.mvc.perform(get("/groups/4"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Memory (MB) between 1000 .. 2000")))
			.andExpect(content().string(containsString("Turn back into a query")))
			.andExpect(content().string(containsString("created by bob")))
			.andExpect(content().string(containsString("data-confirm=\"Forget the machines kept in this result?")));
		this.mvc.perform(get("/groups/3"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Add machines")));
		this.mvc.perform(get("/groups/4/edit"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("AND(1, NOT(2))")));
		this.mvc.perform(get("/groups/3/members/add")).andExpect(status().isOk());
		this.mvc.perform(get("/groups/3/delete"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Delete the group Chosen")));
	}

	@Test
	void shouldKeepTheFormAndPointAtTheExpression() throws Exception {
		given(this.groups.create(any(), any()))
			.willAnswer((call) -> GroupExpressionParser.parse("AND(1, NOT(1, 2))", 2));

		this.mvc
			.perform(post("/groups/new").with(csrf())
				.param("type", "DYNAMIC")
				.param("name", "Typed name")
				.param("criteria[0].field", "osFamily")
				.param("criteria[0].operator", "EQUALS")
				.param("criteria[0].value", "LINUX")
				.param("expression", "AND(1, NOT(1, 2))"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The expression is invalid at position")))
			.andExpect(content().string(containsString("Typed name")));
	}

	@Test
	void shouldRenderAnImportsResult() throws Exception {
		given(this.imports.get(8)).willReturn(new GroupImport(
				8, 3L, "Chosen", GroupImportKind.NAME, "names.txt", 1, Map.of(GroupImportOutcome.MATCHED, 1,
						GroupImportOutcome.NO_MATCH, 1, GroupImportOutcome.AMBIGUOUS, 0, GroupImportOutcome.INVALID, 0),
				"alice", NOW));
		given(this.imports.lines(eq(8L), anyBoolean(), any()))
			.willReturn(new Page<>(List.of(new GroupImportLine(1, "web", GroupImportOutcome.MATCHED, 1, null),
					new GroupImportLine(2, "nobody", GroupImportOutcome.NO_MATCH, 0, null)), 0, 50, 2));

		this.mvc.perform(get("/groups/imports/8"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("no match: 1")));
		this.mvc.perform(get("/groups/import")).andExpect(status().isOk());
	}

}
