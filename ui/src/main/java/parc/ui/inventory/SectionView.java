package parc.ui.inventory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A section Parc keeps as the agent sent it, ready for a table: its columns are every
 * field any row has (rows of one section need not have the same fields), and at most a
 * given number of rows.
 *
 * @param rows the rows shown
 * @param fields the columns, in the order they first appear
 * @param total how many rows the section has
 */
record SectionView(List<Map<String, String>> rows, Set<String> fields, int total) {

	static SectionView of(List<Map<String, String>> rows, int shown) {
		List<Map<String, String>> kept = rows.subList(0, Math.min(shown, rows.size()));
		Set<String> fields = new LinkedHashSet<>();
		kept.forEach((row) -> fields.addAll(row.keySet()));
		return new SectionView(List.copyOf(kept), fields, rows.size());
	}

}
