package org.dsftestbed.bpe.plugin;

import java.util.List;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The beans of a plugin's Spring context, as far as the {@link BeanCheck} asks for them. The engine, which creates the
 * context, passes {@link #of(ListableBeanFactory)}; tests pass a fake.
 */
public interface PluginBeans
{
	/** Names of the beans assignable to the type (Spring's {@code getBeanNamesForType}). */
	List<String> beanNamesForType(Class<?> type);

	/** Whether the named bean has prototype scope. */
	boolean isPrototype(String beanName);

	static PluginBeans of(ListableBeanFactory context)
	{
		return new PluginBeans()
		{
			@Override
			public List<String> beanNamesForType(Class<?> type)
			{
				return List.of(context.getBeanNamesForType(type));
			}

			@Override
			public boolean isPrototype(String beanName)
			{
				return context.isPrototype(beanName);
			}
		};
	}
}
