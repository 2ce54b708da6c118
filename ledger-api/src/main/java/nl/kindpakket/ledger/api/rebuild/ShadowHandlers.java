package nl.kindpakket.ledger.api.rebuild;

import java.lang.reflect.InvocationTargetException;

import org.springframework.jdbc.core.JdbcTemplate;

/** A read model's event handler class, instantiated anew on a template of the rebuild's choosing. */
final class ShadowHandlers {

    private ShadowHandlers() {
    }

    /** Read models are built on one {@link JdbcTemplate}, their only constructor argument. */
    static Object instantiate(Class<?> readModel, JdbcTemplate jdbc) {
        try {
            return readModel.getConstructor(JdbcTemplate.class).newInstance(jdbc);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(readModel.getSimpleName() + " cannot be rebuilt: it needs a public "
                    + "constructor taking only a JdbcTemplate", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("could not create " + readModel.getSimpleName(), e.getTargetException());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not create " + readModel.getSimpleName(), e);
        }
    }
}
