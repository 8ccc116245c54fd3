package parc.ui.group;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.DeploymentSummary;
import parc.orchestrator.group.GroupCriterion;
import parc.orchestrator.group.GroupDraft;
import parc.orchestrator.group.GroupFieldInfo;
import parc.orchestrator.group.GroupMode;
import parc.orchestrator.group.GroupService;
import parc.orchestrator.group.GroupShare;
import parc.orchestrator.group.MachineGroup;
import parc.orchestrator.inventory.InventoryRow;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/**
 * {@code /api/groups}: groups, their members, sharing and deployments. The names the
 * issue spells out ({@code fields}, {@code POST} body, {@code members}) are a public
 * contract (issue #7). A group the caller does not see answers 404.
 */
@RestController
@RequestMapping("/api/groups")
@Tag(name = "Groups", description = "Static and dynamic groups of machines")
class GroupApiController {

	private final GroupService groups;

	private final DeploymentService deployments;

	private final MessageSource messages;

	GroupApiController(GroupService groups, DeploymentService deployments, MessageSource messages) {
		this.groups = groups;
		this.deployments = deployments;
		this.messages = messages;
	}

	@GetMapping("/fields")
	@Operation(summary = "The fields criteria compare: [{key, label, type, operators, choices}]")
	List<GroupFieldInfo> fields(Locale locale) {
		return this.groups.fields()
			.stream()
			.map((field) -> new GroupFieldInfo(field.key(),
					this.messages.getMessage("group.field." + field.key(), null, field.label(), locale), field.type(),
					field.operators(), field.choices()))
			.toList();
	}

	@GetMapping("/fields/{key}/values")
	@Operation(summary = "Values to suggest for a criterion once 3 characters are typed")
	List<String> suggestions(@PathVariable String key, @RequestParam(name = "q", defaultValue = "") String typed,
			Authentication user) {
		return this.groups.suggestions(key, typed, CurrentViewer.of(user));
	}

	@GetMapping
	@Operation(summary = "The groups the caller sees, by name, optionally filtered by part of it")
	Page<MachineGroup> list(@RequestParam(required = false) String name, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size, Authentication user) {
		return this.groups.list(CurrentViewer.of(user), name, new PageRequest(page, size));
	}

	@PostMapping
	@Operation(summary = "Create a group: {name, type: STATIC|DYNAMIC, machineIds, criteria: [{field, operator,"
			+ " value}], expression, mode: QUERY|RESULT, visible}")
	ResponseEntity<MachineGroup> create(@RequestBody GroupDraft draft, Authentication user) {
		MachineGroup group = this.groups.create(draft, CurrentViewer.of(user));
		URI location = ServletUriComponentsBuilder.fromCurrentRequest()
			.path("/{id}")
			.buildAndExpand(group.id())
			.toUri();
		return ResponseEntity.created(location).body(group);
	}

	@PostMapping("/preview")
	@Operation(summary = "The first machines criteria select, before saving them: {criteria, expression}")
	Page<InventoryRow> preview(@RequestBody CriteriaPreview preview, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size, Authentication user) {
		return this.groups.preview(preview.criteria(), preview.expression(), CurrentViewer.of(user),
				new PageRequest(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One group")
	MachineGroup get(@PathVariable long id, Authentication user) {
		return this.groups.get(id, CurrentViewer.of(user));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a group's fields (same body as POST); a static group's machines become those given")
	MachineGroup update(@PathVariable long id, @RequestBody GroupDraft draft,
			@RequestParam(required = false) Integer version, Authentication user) {
		return this.groups.update(id, draft, version, CurrentViewer.of(user));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a group: its owner only, and not while another group's criteria name it")
	ResponseEntity<Void> delete(@PathVariable long id, Authentication user) {
		this.groups.delete(id, CurrentViewer.of(user));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/members")
	@Operation(summary = "A page of the group's machines with their main inventory fields")
	Page<InventoryRow> members(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size, @RequestParam(defaultValue = "NAME") InventoryRow.Column sort,
			@RequestParam(defaultValue = "asc") String dir, Authentication user) {
		return this.groups.members(id, CurrentViewer.of(user), sort, !"desc".equalsIgnoreCase(dir),
				new PageRequest(page, size));
	}

	@GetMapping(path = "/{id}/members.csv", produces = "text/csv")
	@Operation(summary = "Every member (up to 100,000) as CSV with its main fields")
	void exportMembers(@PathVariable long id, Authentication user, HttpServletResponse response) throws IOException {
		GroupMembersCsv.download(this.groups, id, CurrentViewer.of(user), response);
	}

	@PostMapping("/{id}/members")
	@Operation(summary = "Add machines to a static group: {machineIds}")
	MachineGroup addMembers(@PathVariable long id, @RequestBody MachineIds body, Authentication user) {
		this.groups.addMachines(id, body.machineIds(), CurrentViewer.of(user));
		return this.groups.get(id, CurrentViewer.of(user));
	}

	@PostMapping("/{id}/members/remove")
	@Operation(summary = "Remove machines from a static or result group: {machineIds}; an emptied result group"
			+ " turns back into a query")
	MachineGroup removeMembers(@PathVariable long id, @RequestBody MachineIds body, Authentication user) {
		this.groups.removeMachines(id, body.machineIds(), CurrentViewer.of(user));
		return this.groups.get(id, CurrentViewer.of(user));
	}

	@PutMapping("/{id}/mode")
	@Operation(summary = "Switch a dynamic group: {mode: QUERY|RESULT}; RESULT stores the members found now")
	MachineGroup switchMode(@PathVariable long id, @RequestBody ModeChange body, Authentication user) {
		return this.groups.switchMode(id, body.mode(), CurrentViewer.of(user));
	}

	@PutMapping("/{id}/shares")
	@Operation(summary = "Replace who else sees the group: [{granteeType: USER|ROLE, grantee}]")
	MachineGroup share(@PathVariable long id, @RequestBody List<GroupShare> shares, Authentication user) {
		return this.groups.share(id, shares, CurrentViewer.of(user));
	}

	@GetMapping("/{id}/deployments")
	@Operation(summary = "The deployments launched on the group, newest first")
	Page<DeploymentSummary> deployments(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size, Authentication user) {
		this.groups.get(id, CurrentViewer.of(user));
		return this.deployments.summariesOfGroup(id, new PageRequest(page, size));
	}

	/** Criteria to try before saving them. */
	record CriteriaPreview(List<GroupCriterion> criteria, String expression) {

		CriteriaPreview {
			criteria = (criteria != null) ? List.copyOf(criteria) : List.of();
		}

	}

	/** Machines to add or remove. */
	record MachineIds(List<Long> machineIds) {

		MachineIds {
			machineIds = (machineIds != null) ? List.copyOf(machineIds) : List.of();
		}

	}

	/** A dynamic group's new mode. */
	record ModeChange(GroupMode mode) {
	}

}
