package parc.ui.group;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import parc.orchestrator.group.GroupService;
import parc.orchestrator.group.GroupViewer;
import parc.orchestrator.group.MachineGroup;
import parc.orchestrator.inventory.InventoryRow;
import parc.ui.inventory.InventoryCsv;

/** The members of a group as a CSV download, for the console and the API alike. */
final class GroupMembersCsv {

	private GroupMembersCsv() {
	}

	static void download(GroupService groups, long id, GroupViewer viewer, HttpServletResponse response)
			throws IOException {
		MachineGroup group = groups.get(id, viewer);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"group-" + group.id() + "-members.csv\"");
		try (InventoryCsv csv = new InventoryCsv(
				new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				List.of(InventoryRow.Column.values()))) {
			groups.exportMembers(id, viewer, csv::write);
		}
	}

}
