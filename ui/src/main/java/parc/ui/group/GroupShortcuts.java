package parc.ui.group;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import parc.orchestrator.group.GroupService;

/**
 * Gives every rendered console page the visible groups of the signed-in account, which
 * the layout shows as shortcuts under the navigation. An interceptor rather than a model
 * attribute advice: REST calls and redirects render no page and must not pay the query.
 */
@Configuration(proxyBeanMethods = false)
class GroupShortcuts implements HandlerInterceptor, WebMvcConfigurer {

	/** Absent in controller test slices, which then render no shortcuts. */
	private final ObjectProvider<GroupService> groups;

	GroupShortcuts(ObjectProvider<GroupService> groups) {
		this.groups = groups;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).excludePathPatterns("/api/**", "/ocsinventory/**", "/engine-rest/**");
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || page.getViewName() == null || page.getViewName().startsWith("redirect:")) {
			return;
		}
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		if (user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated()) {
			return;
		}
		this.groups
			.ifAvailable((service) -> page.addObject("groupShortcuts", service.shortcuts(CurrentViewer.of(user))));
	}

}
