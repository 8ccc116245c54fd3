package parc.ui.inventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import parc.orchestrator.inventory.InventoryRow;
import parc.orchestrator.inventory.InventorySearch;
import parc.orchestrator.inventory.SearchCriterion;
import parc.orchestrator.inventory.SearchOperator;
import parc.orchestrator.system.paging.PageRequest;

/**
 * The inventory search as the console's query string carries it, so every result page is
 * a link an administrator can bookmark or share: criterion lines {@code f1, o1, v1,
 * w1} (field, operator, value, second value), {@code cols}, {@code sort}, {@code dir},
 * {@code page}, {@code size}.
 */
public final class SearchForm {

	static final List<InventoryRow.Column> DEFAULT_COLUMNS = List.of(InventoryRow.Column.NAME, InventoryRow.Column.OS,
			InventoryRow.Column.IP, InventoryRow.Column.MEMORY, InventoryRow.Column.TAG, InventoryRow.Column.AGENT,
			InventoryRow.Column.LAST_INVENTORY);

	private final List<Line> lines;

	private final List<InventoryRow.Column> columns;

	private final InventoryRow.Column sort;

	private final boolean ascending;

	private final PageRequest page;

	private SearchForm(List<Line> lines, List<InventoryRow.Column> columns, InventoryRow.Column sort, boolean ascending,
			PageRequest page) {
		this.lines = lines;
		this.columns = columns;
		this.sort = sort;
		this.ascending = ascending;
		this.page = page;
	}

	static SearchForm of(Map<String, String> parameters) {
		List<Line> lines = new ArrayList<>();
		for (int i = 1; i <= InventorySearch.MAX_CRITERIA; i++) {
			String field = parameters.get("f" + i);
			if (field != null && !field.isBlank()) {
				lines.add(new Line(field, operator(parameters.get("o" + i)), parameters.getOrDefault("v" + i, ""),
						parameters.getOrDefault("w" + i, "")));
			}
		}
		List<InventoryRow.Column> columns = Arrays.stream(parameters.getOrDefault("cols", "").split(","))
			.map(String::trim)
			.map(InventoryRow.Column::byKey)
			.flatMap(java.util.Optional::stream)
			.distinct()
			.toList();
		InventoryRow.Column sort = InventoryRow.Column.byKey(parameters.getOrDefault("sort", ""))
			.orElse(InventoryRow.Column.NAME);
		int size = integer(parameters.get("size"), PageRequest.DEFAULT_SIZE);
		return new SearchForm(lines, columns.isEmpty() ? DEFAULT_COLUMNS : columns, sort,
				!"desc".equalsIgnoreCase(parameters.get("dir")), new PageRequest(integer(parameters.get("page"), 0),
						PageRequest.SIZES.contains(size) ? size : PageRequest.DEFAULT_SIZE));
	}

	InventorySearch toSearch() {
		return new InventorySearch(this.lines.stream()
			.map((line) -> new SearchCriterion(line.field(), line.operator(), line.value(), line.secondValue()))
			.toList(), this.sort, this.ascending, this.page);
	}

	public List<Line> lines() {
		return this.lines;
	}

	/** The lines to draw: the criteria, then blank ones up to {@code shown}. */
	List<Line> linesToShow(int shown) {
		List<Line> all = new ArrayList<>(this.lines);
		while (all.size() < Math.min(Math.max(shown, this.lines.size() + 1), InventorySearch.MAX_CRITERIA)) {
			all.add(new Line("", SearchOperator.EQUAL, "", ""));
		}
		return all;
	}

	public List<InventoryRow.Column> columns() {
		return this.columns;
	}

	public String sortKey() {
		return this.sort.key();
	}

	public boolean ascending() {
		return this.ascending;
	}

	/** The criteria again, as query parameters, for links such as the CSV export. */
	Map<String, String> criteriaParameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (int i = 0; i < this.lines.size(); i++) {
			Line line = this.lines.get(i);
			parameters.put("f" + (i + 1), line.field());
			parameters.put("o" + (i + 1), line.operator().name());
			parameters.put("v" + (i + 1), line.value());
			parameters.put("w" + (i + 1), line.secondValue());
		}
		return parameters;
	}

	private static SearchOperator operator(String text) {
		try {
			return (text != null) ? SearchOperator.valueOf(text) : SearchOperator.EQUAL;
		}
		catch (IllegalArgumentException ex) {
			return SearchOperator.EQUAL;
		}
	}

	private static int integer(String text, int fallback) {
		try {
			return (text != null) ? Integer.parseInt(text.trim()) : fallback;
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	/** One criterion line of the form. */
	public record Line(String field, SearchOperator operator, String value, String secondValue) {
	}

}
