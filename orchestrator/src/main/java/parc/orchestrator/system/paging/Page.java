package parc.orchestrator.system.paging;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of a longer list, with what a pager needs to draw itself.
 *
 * @param content the rows of this page
 * @param page zero-based page number
 * @param size requested rows per page
 * @param totalElements rows in the whole list
 */
public record Page<T>(List<T> content, int page, int size, long totalElements) {

	public Page {
		content = List.copyOf(content);
	}

	@JsonProperty
	public int totalPages() {
		return (int) ((this.totalElements + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.page > 0;
	}

	public boolean hasNext() {
		return this.page + 1 < totalPages();
	}

	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(this.content.stream().map(mapper).toList(), this.page, this.size, this.totalElements);
	}

}
