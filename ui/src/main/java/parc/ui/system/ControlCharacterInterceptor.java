package parc.ui.system;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses, before any controller runs, a query, form or path parameter holding a control
 * character: the API answers a 400 problem naming the parameter, the console a 400 page.
 * JSON bodies are checked where they are read ({@link ControlCharacterModule}). One place
 * for every controller, so a new one cannot forget it.
 */
class ControlCharacterInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (ControlCharacters.present(parameter.getKey())) {
				throw new ControlCharacterException(parameter.getKey().replaceAll("\\p{Cntrl}", "?"));
			}
			for (String value : parameter.getValue()) {
				if (value != null && ControlCharacters.present(value)) {
					throw new ControlCharacterException(parameter.getKey());
				}
			}
		}
		if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
			for (Map.Entry<?, ?> variable : variables.entrySet()) {
				if (variable.getValue() instanceof String value && ControlCharacters.present(value)) {
					throw new ControlCharacterException(String.valueOf(variable.getKey()));
				}
			}
		}
		return true;
	}

}
