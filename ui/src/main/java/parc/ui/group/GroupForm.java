package parc.ui.group;

import java.util.ArrayList;
import java.util.List;

import parc.orchestrator.group.GroupCriterion;
import parc.orchestrator.group.GroupDraft;
import parc.orchestrator.group.GroupMode;
import parc.orchestrator.group.GroupOperator;
import parc.orchestrator.group.GroupType;
import parc.orchestrator.group.MachineGroup;

/**
 * The group page's form: a static group's chosen machines, or a dynamic group's numbered
 * criteria lines and expression, line N being criterion N.
 */
public class GroupForm {

	/** Lines a new dynamic group starts with. */
	static final int FIRST_LINES = 3;

	/** Lines the page shows at most. */
	static final int MAX_LINES = GroupDraft.MAX_CRITERIA;

	private String name = "";

	private GroupType type = GroupType.DYNAMIC;

	private List<Line> criteria = new ArrayList<>();

	private String expression = "";

	private GroupMode mode = GroupMode.QUERY;

	private boolean visible;

	private List<Long> machineIds = new ArrayList<>();

	private Integer version;

	static GroupForm empty(GroupType type) {
		GroupForm form = new GroupForm();
		form.type = type;
		if (type == GroupType.DYNAMIC) {
			form.addLines(FIRST_LINES);
		}
		return form;
	}

	static GroupForm of(MachineGroup group) {
		GroupForm form = new GroupForm();
		form.name = group.name();
		form.type = group.type();
		form.expression = (group.expression() != null) ? group.expression() : "";
		form.mode = (group.mode() != null) ? group.mode() : GroupMode.QUERY;
		form.visible = group.visible();
		form.version = group.version();
		for (GroupCriterion criterion : group.criteria()) {
			Line line = new Line();
			line.setField(criterion.field());
			line.setOperator(criterion.operator());
			line.setValue(criterion.value());
			line.setSecondValue(criterion.secondValue());
			form.criteria.add(line);
		}
		form.addLines(1);
		return form;
	}

	void addLines(int count) {
		for (int i = 0; i < count && this.criteria.size() < MAX_LINES; i++) {
			this.criteria.add(new Line());
		}
	}

	/**
	 * The criteria, numbered as the page numbers its lines: trailing blank lines are left
	 * out, a blank line between filled ones stays and is refused by name.
	 */
	List<GroupCriterion> filledCriteria() {
		int last = this.criteria.size();
		while (last > 0 && isBlank(this.criteria.get(last - 1).getField())) {
			last--;
		}
		return this.criteria.subList(0, last)
			.stream()
			.map((line) -> new GroupCriterion(line.getField(), line.getOperator(), line.getValue(),
					line.getSecondValue()))
			.toList();
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	GroupDraft toDraft() {
		return (this.type == GroupType.STATIC)
				? new GroupDraft(this.name, this.type, this.machineIds, null, null, null, this.visible)
				: new GroupDraft(this.name, this.type, null, filledCriteria(), this.expression, this.mode,
						this.visible);
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public GroupType getType() {
		return this.type;
	}

	public void setType(GroupType type) {
		this.type = (type != null) ? type : GroupType.DYNAMIC;
	}

	public List<Line> getCriteria() {
		return this.criteria;
	}

	public void setCriteria(List<Line> criteria) {
		this.criteria = (criteria != null) ? new ArrayList<>(criteria) : new ArrayList<>();
	}

	public String getExpression() {
		return this.expression;
	}

	public void setExpression(String expression) {
		this.expression = (expression != null) ? expression : "";
	}

	public GroupMode getMode() {
		return this.mode;
	}

	public void setMode(GroupMode mode) {
		this.mode = (mode != null) ? mode : GroupMode.QUERY;
	}

	public boolean isVisible() {
		return this.visible;
	}

	public void setVisible(boolean visible) {
		this.visible = visible;
	}

	public List<Long> getMachineIds() {
		return this.machineIds;
	}

	public void setMachineIds(List<Long> machineIds) {
		this.machineIds = (machineIds != null) ? new ArrayList<>(machineIds) : new ArrayList<>();
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	/** One criteria line of the page. */
	public static class Line {

		private String field = "";

		private GroupOperator operator = GroupOperator.EQUALS;

		private String value = "";

		private String secondValue = "";

		public String getField() {
			return this.field;
		}

		public void setField(String field) {
			this.field = field;
		}

		public GroupOperator getOperator() {
			return this.operator;
		}

		public void setOperator(GroupOperator operator) {
			this.operator = (operator != null) ? operator : GroupOperator.EQUALS;
		}

		public String getValue() {
			return this.value;
		}

		public void setValue(String value) {
			this.value = value;
		}

		public String getSecondValue() {
			return this.secondValue;
		}

		public void setSecondValue(String secondValue) {
			this.secondValue = secondValue;
		}

	}

}
