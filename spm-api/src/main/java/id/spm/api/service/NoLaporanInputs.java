package id.spm.api.service;

import jakarta.enterprise.context.ApplicationScoped;

import id.spm.api.model.LaporanTyped;
import id.spm.rules.Period;
import io.quarkus.arc.DefaultBean;

/** No typed inputs yet: replaced by any other {@link LaporanInputs} bean (the forms' inputs). */
@ApplicationScoped
@DefaultBean
public class NoLaporanInputs implements LaporanInputs {

    @Override
    public LaporanTyped typed(String area, Period period) {
        return LaporanTyped.NONE;
    }

    @Override
    public String version(String area, Period period) {
        return "none";
    }
}
