package org.dxaflow;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The package boundaries docs/architecture.md promises, checked on the compiled classes: a rule
 * written only in prose is broken by the first convenient import.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.dxaflow");

    /** Main and test code: the library's tests go with it, so they may not lean on the engine either. */
    private static final JavaClasses ALL = new ClassFileImporter().importPackages("org.dxaflow");

    @Test
    void theDicomLibraryImportsNothingOfTheEngine() {
        ArchRule rule = noClasses().that().resideInAPackage("org.dxaflow.dicom..")
                .should().dependOnClassesThat(resideInAPackage("org.dxaflow..")
                        .and(not(resideInAPackage("org.dxaflow.dicom.."))))
                .because("org.dxaflow.dicom is a DICOM library the engine uses, not part of the engine");
        rule.check(ALL);
    }

    @Test
    void noLoopBetweenTopLevelPackages() {
        ArchRule rule = slices().matching("org.dxaflow.(*)..").should().beFreeOfCycles()
                .because("a loop between domains means neither can be understood or changed alone");
        rule.check(MAIN);
    }

    @Test
    void theClinicalComputationsReadValuesNotTheEngine() {
        // the gate's criteria and the densitometry computation run on typed values (the referral's
        // answers and the order in order/, the patient's sex in clinical/), never on messages or stores
        noClasses().that().resideInAPackage("org.dxaflow.justification..")
                .should().dependOnClassesThat(resideInAPackage("org.dxaflow..").and(not(resideInAnyPackage(
                        "org.dxaflow.justification..", "org.dxaflow.clinical..", "org.dxaflow.order..",
                        "org.dxaflow.conf.."))))
                .because("justification applies written criteria to a referral's values").check(MAIN);
        noClasses().that().resideInAPackage("org.dxaflow.densitometry..")
                .should().dependOnClassesThat(resideInAPackage("org.dxaflow..").and(not(resideInAnyPackage(
                        "org.dxaflow.densitometry..", "org.dxaflow.clinical..", "org.dxaflow.conf.."))))
                .because("densitometry computes from its inputs and cited conf, for the engine and its API alike")
                .check(MAIN);
    }
}
