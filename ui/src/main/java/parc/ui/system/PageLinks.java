package parc.ui.system;

import org.springframework.stereotype.Component;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Builds the links of the shared pagination, page-size and sort fragments from the
 * current request, so that every list keeps its filters when the user changes page, size
 * or order. Used from templates as {@code @pageLinks}.
 */
@Component("pageLinks")
public class PageLinks {

	public String page(int page) {
		return current().replaceQueryParam("page", page).toUriString();
	}

	public String size(int size) {
		return current().replaceQueryParam("size", size).replaceQueryParam("page", 0).toUriString();
	}

	/**
	 * Sorting by the current column again flips the direction; a new column starts
	 * ascending.
	 */
	public String sort(String property, String currentSort, boolean currentAscending) {
		boolean ascending = !property.equals(currentSort) || !currentAscending;
		return current().replaceQueryParam("sort", property)
			.replaceQueryParam("dir", ascending ? "asc" : "desc")
			.replaceQueryParam("page", 0)
			.toUriString();
	}

	/**
	 * The current page with one parameter set, e.g. the language switch's
	 * {@code lang=fr}.
	 */
	public String with(String parameter, String value) {
		return current().replaceQueryParam(parameter, value).toUriString();
	}

	/**
	 * Relative to the server (path and query only), so links stay right behind a reverse
	 * proxy.
	 */
	private static UriComponentsBuilder current() {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString());
	}

}
