package org.dxaflow.dicom.data;

/**
 * A DICOM attribute tag with its dictionary VR and keyword, plus helpers on raw 32 bit tags
 * (group in the high 16 bits, element in the low 16 bits).
 *
 * <p>The constants below are the attributes dxaflow reads or writes (worklist, MPPS, Basic Text
 * SR, encapsulated PDF, secondary capture, file meta, DIMSE command group). Tag numbers, VRs and
 * keywords were taken from the PS3.6 data dictionary as shipped by DCMTK ({@code dicom.dic});
 * {@code DictionaryTest} re-checks every constant against that file so a typo fails the build.
 * Where PS3.6 allows two VRs (Pixel Data OB/OW, Smallest/Largest Image Pixel Value US/SS) the
 * constant holds the VR PS3.5 Annex A prescribes for Implicit VR Little Endian (OW, US).
 *
 * @param value the 32 bit tag, for example {@code 0x00100010}
 * @param vr the VR to use when none is given explicitly (Implicit VR decoding, typed setters)
 * @param keyword the PS3.6 keyword, also the constant's name
 */
public record Tag(int value, VR vr, String keyword) {

    /** (FFFE,E000): starts an item of a sequence or a fragment of encapsulated pixel data. */
    public static final int ITEM = 0xFFFEE000;
    /** (FFFE,E00D): ends an item of undefined length. */
    public static final int ITEM_DELIMITATION = 0xFFFEE00D;
    /** (FFFE,E0DD): ends a sequence or encapsulated pixel data of undefined length. */
    public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    public Tag {
        if (vr == null || keyword == null || keyword.isEmpty()) {
            throw new IllegalArgumentException("tag needs a VR and a keyword");
        }
    }

    private static Tag of(int value, VR vr, String keyword) {
        return new Tag(value, vr, keyword);
    }

    /** Group number (high 16 bits). */
    public static int group(int tag) {
        return tag >>> 16;
    }

    /** Element number (low 16 bits). */
    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    /** Builds a tag from group and element numbers. */
    public static int of(int group, int element) {
        return (group & 0xFFFF) << 16 | (element & 0xFFFF);
    }

    /** Formats as {@code (gggg,eeee)} with upper case hex, the form dcmdump and PS3.6 use. */
    public static String toString(int tag) {
        return String.format("(%04X,%04X)", group(tag), element(tag));
    }

    /**
     * Parses {@code (gggg,eeee)}, {@code gggg,eeee} or {@code ggggeeee} (hex), for configuration
     * files that name tags. Throws IllegalArgumentException on anything else.
     */
    public static int parse(String text) {
        String s = text.trim();
        if (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1);
        }
        s = s.replace(",", "");
        if (s.length() != 8) {
            throw new IllegalArgumentException("not a tag: " + text);
        }
        try {
            return Integer.parseUnsignedInt(s, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a tag: " + text, e);
        }
    }

    /**
     * True for private data elements: odd group numbers except groups 0001, 0003, 0005, 0007 and
     * FFFF which PS3.5 7.8.1 says shall not be used.
     */
    public static boolean isPrivate(int tag) {
        int g = group(tag);
        return (g & 1) == 1 && g > 0x0007 && g != 0xFFFF;
    }

    /** True for private creator elements (gggg,0010-00FF) of a private group, always LO. */
    public static boolean isPrivateCreator(int tag) {
        int e = element(tag);
        return isPrivate(tag) && e >= 0x0010 && e <= 0x00FF;
    }

    /** True for group length elements (gggg,0000), always UL (PS3.5 7.2). */
    public static boolean isGroupLength(int tag) {
        return element(tag) == 0;
    }

    /** True for the item and delimitation tags of group FFFE, which are not data elements. */
    public static boolean isItemOrDelimiter(int tag) {
        return tag == ITEM || tag == ITEM_DELIMITATION || tag == SEQUENCE_DELIMITATION;
    }

    /**
     * Compares tags as unsigned numbers, the order PS3.5 7.1 requires in a data set (plain int
     * comparison would sort groups 8000-FFFF before 0002).
     */
    public static int compare(int a, int b) {
        return Integer.compareUnsigned(a, b);
    }

    @Override
    public String toString() {
        return toString(value) + " " + keyword;
    }

    // (0002,xxxx) File Meta Information, PS3.10 7.1
    public static final Tag FileMetaInformationGroupLength = of(0x00020000, VR.UL, "FileMetaInformationGroupLength");
    public static final Tag FileMetaInformationVersion = of(0x00020001, VR.OB, "FileMetaInformationVersion");
    public static final Tag MediaStorageSOPClassUID = of(0x00020002, VR.UI, "MediaStorageSOPClassUID");
    public static final Tag MediaStorageSOPInstanceUID = of(0x00020003, VR.UI, "MediaStorageSOPInstanceUID");
    public static final Tag TransferSyntaxUID = of(0x00020010, VR.UI, "TransferSyntaxUID");
    public static final Tag ImplementationClassUID = of(0x00020012, VR.UI, "ImplementationClassUID");
    public static final Tag ImplementationVersionName = of(0x00020013, VR.SH, "ImplementationVersionName");
    public static final Tag SourceApplicationEntityTitle = of(0x00020016, VR.AE, "SourceApplicationEntityTitle");
    public static final Tag SendingApplicationEntityTitle = of(0x00020017, VR.AE, "SendingApplicationEntityTitle");
    public static final Tag ReceivingApplicationEntityTitle = of(0x00020018, VR.AE, "ReceivingApplicationEntityTitle");
    public static final Tag PrivateInformationCreatorUID = of(0x00020100, VR.UI, "PrivateInformationCreatorUID");
    public static final Tag PrivateInformation = of(0x00020102, VR.OB, "PrivateInformation");

    // (0008,xxxx) SOP common, general study/series/equipment, code sequence macro
    public static final Tag SpecificCharacterSet = of(0x00080005, VR.CS, "SpecificCharacterSet");
    public static final Tag ImageType = of(0x00080008, VR.CS, "ImageType");
    public static final Tag InstanceCreationDate = of(0x00080012, VR.DA, "InstanceCreationDate");
    public static final Tag InstanceCreationTime = of(0x00080013, VR.TM, "InstanceCreationTime");
    public static final Tag InstanceCreatorUID = of(0x00080014, VR.UI, "InstanceCreatorUID");
    public static final Tag SOPClassUID = of(0x00080016, VR.UI, "SOPClassUID");
    public static final Tag SOPInstanceUID = of(0x00080018, VR.UI, "SOPInstanceUID");
    public static final Tag StudyDate = of(0x00080020, VR.DA, "StudyDate");
    public static final Tag SeriesDate = of(0x00080021, VR.DA, "SeriesDate");
    public static final Tag AcquisitionDate = of(0x00080022, VR.DA, "AcquisitionDate");
    public static final Tag ContentDate = of(0x00080023, VR.DA, "ContentDate");
    public static final Tag StudyTime = of(0x00080030, VR.TM, "StudyTime");
    public static final Tag SeriesTime = of(0x00080031, VR.TM, "SeriesTime");
    public static final Tag AcquisitionTime = of(0x00080032, VR.TM, "AcquisitionTime");
    public static final Tag ContentTime = of(0x00080033, VR.TM, "ContentTime");
    public static final Tag AccessionNumber = of(0x00080050, VR.SH, "AccessionNumber");
    public static final Tag IssuerOfAccessionNumberSequence = of(0x00080051, VR.SQ, "IssuerOfAccessionNumberSequence");
    public static final Tag QueryRetrieveLevel = of(0x00080052, VR.CS, "QueryRetrieveLevel");
    public static final Tag RetrieveAETitle = of(0x00080054, VR.AE, "RetrieveAETitle");
    public static final Tag InstanceAvailability = of(0x00080056, VR.CS, "InstanceAvailability");
    public static final Tag Modality = of(0x00080060, VR.CS, "Modality");
    public static final Tag SOPClassesInStudy = of(0x00080062, VR.UI, "SOPClassesInStudy");
    public static final Tag ConversionType = of(0x00080064, VR.CS, "ConversionType");
    public static final Tag PresentationIntentType = of(0x00080068, VR.CS, "PresentationIntentType");
    public static final Tag Manufacturer = of(0x00080070, VR.LO, "Manufacturer");
    public static final Tag InstitutionName = of(0x00080080, VR.LO, "InstitutionName");
    public static final Tag InstitutionAddress = of(0x00080081, VR.ST, "InstitutionAddress");
    public static final Tag InstitutionCodeSequence = of(0x00080082, VR.SQ, "InstitutionCodeSequence");
    public static final Tag ReferringPhysicianName = of(0x00080090, VR.PN, "ReferringPhysicianName");
    public static final Tag CodeValue = of(0x00080100, VR.SH, "CodeValue");
    public static final Tag CodingSchemeDesignator = of(0x00080102, VR.SH, "CodingSchemeDesignator");
    public static final Tag CodingSchemeVersion = of(0x00080103, VR.SH, "CodingSchemeVersion");
    public static final Tag CodeMeaning = of(0x00080104, VR.LO, "CodeMeaning");
    public static final Tag MappingResource = of(0x00080105, VR.CS, "MappingResource");
    public static final Tag ContextGroupVersion = of(0x00080106, VR.DT, "ContextGroupVersion");
    public static final Tag ContextGroupLocalVersion = of(0x00080107, VR.DT, "ContextGroupLocalVersion");
    public static final Tag ContextGroupExtensionFlag = of(0x0008010B, VR.CS, "ContextGroupExtensionFlag");
    public static final Tag ContextIdentifier = of(0x0008010F, VR.CS, "ContextIdentifier");
    public static final Tag ContextUID = of(0x00080117, VR.UI, "ContextUID");
    public static final Tag LongCodeValue = of(0x00080119, VR.UC, "LongCodeValue");
    public static final Tag URNCodeValue = of(0x00080120, VR.UR, "URNCodeValue");
    public static final Tag MappingResourceName = of(0x00080122, VR.LO, "MappingResourceName");
    public static final Tag TimezoneOffsetFromUTC = of(0x00080201, VR.SH, "TimezoneOffsetFromUTC");
    public static final Tag StationName = of(0x00081010, VR.SH, "StationName");
    public static final Tag StudyDescription = of(0x00081030, VR.LO, "StudyDescription");
    public static final Tag ProcedureCodeSequence = of(0x00081032, VR.SQ, "ProcedureCodeSequence");
    public static final Tag SeriesDescription = of(0x0008103E, VR.LO, "SeriesDescription");
    public static final Tag InstitutionalDepartmentName = of(0x00081040, VR.LO, "InstitutionalDepartmentName");
    public static final Tag PerformingPhysicianName = of(0x00081050, VR.PN, "PerformingPhysicianName");
    public static final Tag NameOfPhysiciansReadingStudy = of(0x00081060, VR.PN, "NameOfPhysiciansReadingStudy");
    public static final Tag OperatorsName = of(0x00081070, VR.PN, "OperatorsName");
    public static final Tag AdmittingDiagnosesDescription = of(0x00081080, VR.LO, "AdmittingDiagnosesDescription");
    public static final Tag ManufacturerModelName = of(0x00081090, VR.LO, "ManufacturerModelName");
    public static final Tag ReferencedStudySequence = of(0x00081110, VR.SQ, "ReferencedStudySequence");
    public static final Tag ReferencedPerformedProcedureStepSequence = of(0x00081111, VR.SQ, "ReferencedPerformedProcedureStepSequence");
    public static final Tag ReferencedSeriesSequence = of(0x00081115, VR.SQ, "ReferencedSeriesSequence");
    public static final Tag ReferencedImageSequence = of(0x00081140, VR.SQ, "ReferencedImageSequence");
    public static final Tag ReferencedSOPClassUID = of(0x00081150, VR.UI, "ReferencedSOPClassUID");
    public static final Tag ReferencedSOPInstanceUID = of(0x00081155, VR.UI, "ReferencedSOPInstanceUID");
    public static final Tag ReferencedFrameNumber = of(0x00081160, VR.IS, "ReferencedFrameNumber");
    public static final Tag RetrieveURL = of(0x00081190, VR.UR, "RetrieveURL");
    public static final Tag TransactionUID = of(0x00081195, VR.UI, "TransactionUID");
    public static final Tag FailureReason = of(0x00081197, VR.US, "FailureReason");
    public static final Tag FailedSOPSequence = of(0x00081198, VR.SQ, "FailedSOPSequence");
    public static final Tag ReferencedSOPSequence = of(0x00081199, VR.SQ, "ReferencedSOPSequence");
    public static final Tag DerivationDescription = of(0x00082111, VR.ST, "DerivationDescription");
    public static final Tag SourceImageSequence = of(0x00082112, VR.SQ, "SourceImageSequence");
    public static final Tag AnatomicRegionSequence = of(0x00082218, VR.SQ, "AnatomicRegionSequence");

    // (0010,xxxx) Patient
    public static final Tag PatientName = of(0x00100010, VR.PN, "PatientName");
    public static final Tag PatientID = of(0x00100020, VR.LO, "PatientID");
    public static final Tag IssuerOfPatientID = of(0x00100021, VR.LO, "IssuerOfPatientID");
    public static final Tag TypeOfPatientID = of(0x00100022, VR.CS, "TypeOfPatientID");
    public static final Tag IssuerOfPatientIDQualifiersSequence = of(0x00100024, VR.SQ, "IssuerOfPatientIDQualifiersSequence");
    public static final Tag PatientBirthDate = of(0x00100030, VR.DA, "PatientBirthDate");
    public static final Tag PatientBirthTime = of(0x00100032, VR.TM, "PatientBirthTime");
    public static final Tag PatientSex = of(0x00100040, VR.CS, "PatientSex");
    public static final Tag OtherPatientNames = of(0x00101001, VR.PN, "OtherPatientNames");
    public static final Tag OtherPatientIDsSequence = of(0x00101002, VR.SQ, "OtherPatientIDsSequence");
    public static final Tag PatientAge = of(0x00101010, VR.AS, "PatientAge");
    public static final Tag PatientSize = of(0x00101020, VR.DS, "PatientSize");
    public static final Tag PatientWeight = of(0x00101030, VR.DS, "PatientWeight");
    public static final Tag MedicalAlerts = of(0x00102000, VR.LO, "MedicalAlerts");
    public static final Tag Allergies = of(0x00102110, VR.LO, "Allergies");
    public static final Tag EthnicGroup = of(0x00102160, VR.SH, "EthnicGroup");
    public static final Tag PregnancyStatus = of(0x001021C0, VR.US, "PregnancyStatus");
    public static final Tag PatientComments = of(0x00104000, VR.LT, "PatientComments");

    // (0012,xxxx) De-identification
    public static final Tag PatientIdentityRemoved = of(0x00120062, VR.CS, "PatientIdentityRemoved");
    public static final Tag DeidentificationMethod = of(0x00120063, VR.LO, "DeidentificationMethod");

    // (0018,xxxx) Acquisition, equipment, secondary capture
    public static final Tag BodyPartExamined = of(0x00180015, VR.CS, "BodyPartExamined");
    public static final Tag DeviceSerialNumber = of(0x00181000, VR.LO, "DeviceSerialNumber");
    public static final Tag DateOfSecondaryCapture = of(0x00181012, VR.DA, "DateOfSecondaryCapture");
    public static final Tag TimeOfSecondaryCapture = of(0x00181014, VR.TM, "TimeOfSecondaryCapture");
    public static final Tag SecondaryCaptureDeviceManufacturer = of(0x00181016, VR.LO, "SecondaryCaptureDeviceManufacturer");
    public static final Tag SecondaryCaptureDeviceManufacturerModelName = of(0x00181018, VR.LO, "SecondaryCaptureDeviceManufacturerModelName");
    public static final Tag SecondaryCaptureDeviceSoftwareVersions = of(0x00181019, VR.LO, "SecondaryCaptureDeviceSoftwareVersions");
    public static final Tag SoftwareVersions = of(0x00181020, VR.LO, "SoftwareVersions");
    public static final Tag ProtocolName = of(0x00181030, VR.LO, "ProtocolName");
    public static final Tag PatientPosition = of(0x00185100, VR.CS, "PatientPosition");

    // (0020,xxxx) Study/series/instance identifiers
    public static final Tag StudyInstanceUID = of(0x0020000D, VR.UI, "StudyInstanceUID");
    public static final Tag SeriesInstanceUID = of(0x0020000E, VR.UI, "SeriesInstanceUID");
    public static final Tag StudyID = of(0x00200010, VR.SH, "StudyID");
    public static final Tag SeriesNumber = of(0x00200011, VR.IS, "SeriesNumber");
    public static final Tag AcquisitionNumber = of(0x00200012, VR.IS, "AcquisitionNumber");
    public static final Tag InstanceNumber = of(0x00200013, VR.IS, "InstanceNumber");
    public static final Tag PatientOrientation = of(0x00200020, VR.CS, "PatientOrientation");
    public static final Tag FrameOfReferenceUID = of(0x00200052, VR.UI, "FrameOfReferenceUID");
    public static final Tag Laterality = of(0x00200060, VR.CS, "Laterality");
    public static final Tag ImageComments = of(0x00204000, VR.LT, "ImageComments");

    // (0028,xxxx) Image pixel module
    public static final Tag SamplesPerPixel = of(0x00280002, VR.US, "SamplesPerPixel");
    public static final Tag PhotometricInterpretation = of(0x00280004, VR.CS, "PhotometricInterpretation");
    public static final Tag PlanarConfiguration = of(0x00280006, VR.US, "PlanarConfiguration");
    public static final Tag NumberOfFrames = of(0x00280008, VR.IS, "NumberOfFrames");
    public static final Tag FrameIncrementPointer = of(0x00280009, VR.AT, "FrameIncrementPointer");
    public static final Tag Rows = of(0x00280010, VR.US, "Rows");
    public static final Tag Columns = of(0x00280011, VR.US, "Columns");
    public static final Tag PixelSpacing = of(0x00280030, VR.DS, "PixelSpacing");
    public static final Tag PixelAspectRatio = of(0x00280034, VR.IS, "PixelAspectRatio");
    public static final Tag BitsAllocated = of(0x00280100, VR.US, "BitsAllocated");
    public static final Tag BitsStored = of(0x00280101, VR.US, "BitsStored");
    public static final Tag HighBit = of(0x00280102, VR.US, "HighBit");
    public static final Tag PixelRepresentation = of(0x00280103, VR.US, "PixelRepresentation");
    public static final Tag SmallestImagePixelValue = of(0x00280106, VR.US, "SmallestImagePixelValue");
    public static final Tag LargestImagePixelValue = of(0x00280107, VR.US, "LargestImagePixelValue");
    public static final Tag PixelPaddingValue = of(0x00280120, VR.US, "PixelPaddingValue");
    public static final Tag BurnedInAnnotation = of(0x00280301, VR.CS, "BurnedInAnnotation");
    public static final Tag WindowCenter = of(0x00281050, VR.DS, "WindowCenter");
    public static final Tag WindowWidth = of(0x00281051, VR.DS, "WindowWidth");
    public static final Tag RescaleIntercept = of(0x00281052, VR.DS, "RescaleIntercept");
    public static final Tag RescaleSlope = of(0x00281053, VR.DS, "RescaleSlope");
    public static final Tag RescaleType = of(0x00281054, VR.LO, "RescaleType");
    public static final Tag LossyImageCompression = of(0x00282110, VR.CS, "LossyImageCompression");

    // (0032,xxxx) Study and request
    public static final Tag RequestingPhysician = of(0x00321032, VR.PN, "RequestingPhysician");
    public static final Tag RequestingService = of(0x00321033, VR.LO, "RequestingService");
    public static final Tag RequestedProcedureDescription = of(0x00321060, VR.LO, "RequestedProcedureDescription");
    public static final Tag RequestedProcedureCodeSequence = of(0x00321064, VR.SQ, "RequestedProcedureCodeSequence");

    // (0040,xxxx) Worklist, MPPS, requested procedure, SR content
    public static final Tag ScheduledStationAETitle = of(0x00400001, VR.AE, "ScheduledStationAETitle");
    public static final Tag ScheduledProcedureStepStartDate = of(0x00400002, VR.DA, "ScheduledProcedureStepStartDate");
    public static final Tag ScheduledProcedureStepStartTime = of(0x00400003, VR.TM, "ScheduledProcedureStepStartTime");
    public static final Tag ScheduledProcedureStepEndDate = of(0x00400004, VR.DA, "ScheduledProcedureStepEndDate");
    public static final Tag ScheduledProcedureStepEndTime = of(0x00400005, VR.TM, "ScheduledProcedureStepEndTime");
    public static final Tag ScheduledPerformingPhysicianName = of(0x00400006, VR.PN, "ScheduledPerformingPhysicianName");
    public static final Tag ScheduledProcedureStepDescription = of(0x00400007, VR.LO, "ScheduledProcedureStepDescription");
    public static final Tag ScheduledProtocolCodeSequence = of(0x00400008, VR.SQ, "ScheduledProtocolCodeSequence");
    public static final Tag ScheduledProcedureStepID = of(0x00400009, VR.SH, "ScheduledProcedureStepID");
    public static final Tag StageCodeSequence = of(0x0040000A, VR.SQ, "StageCodeSequence");
    public static final Tag ScheduledStationName = of(0x00400010, VR.SH, "ScheduledStationName");
    public static final Tag ScheduledProcedureStepLocation = of(0x00400011, VR.SH, "ScheduledProcedureStepLocation");
    public static final Tag PreMedication = of(0x00400012, VR.LO, "PreMedication");
    public static final Tag ScheduledProcedureStepStatus = of(0x00400020, VR.CS, "ScheduledProcedureStepStatus");
    public static final Tag ScheduledProcedureStepSequence = of(0x00400100, VR.SQ, "ScheduledProcedureStepSequence");
    public static final Tag ReferencedNonImageCompositeSOPInstanceSequence = of(0x00400220, VR.SQ, "ReferencedNonImageCompositeSOPInstanceSequence");
    public static final Tag PerformedStationAETitle = of(0x00400241, VR.AE, "PerformedStationAETitle");
    public static final Tag PerformedStationName = of(0x00400242, VR.SH, "PerformedStationName");
    public static final Tag PerformedLocation = of(0x00400243, VR.SH, "PerformedLocation");
    public static final Tag PerformedProcedureStepStartDate = of(0x00400244, VR.DA, "PerformedProcedureStepStartDate");
    public static final Tag PerformedProcedureStepStartTime = of(0x00400245, VR.TM, "PerformedProcedureStepStartTime");
    public static final Tag PerformedProcedureStepEndDate = of(0x00400250, VR.DA, "PerformedProcedureStepEndDate");
    public static final Tag PerformedProcedureStepEndTime = of(0x00400251, VR.TM, "PerformedProcedureStepEndTime");
    public static final Tag PerformedProcedureStepStatus = of(0x00400252, VR.CS, "PerformedProcedureStepStatus");
    public static final Tag PerformedProcedureStepID = of(0x00400253, VR.SH, "PerformedProcedureStepID");
    public static final Tag PerformedProcedureStepDescription = of(0x00400254, VR.LO, "PerformedProcedureStepDescription");
    public static final Tag PerformedProcedureTypeDescription = of(0x00400255, VR.LO, "PerformedProcedureTypeDescription");
    public static final Tag PerformedProtocolCodeSequence = of(0x00400260, VR.SQ, "PerformedProtocolCodeSequence");
    public static final Tag ScheduledStepAttributesSequence = of(0x00400270, VR.SQ, "ScheduledStepAttributesSequence");
    public static final Tag RequestAttributesSequence = of(0x00400275, VR.SQ, "RequestAttributesSequence");
    public static final Tag CommentsOnThePerformedProcedureStep = of(0x00400280, VR.ST, "CommentsOnThePerformedProcedureStep");
    public static final Tag PerformedProcedureStepDiscontinuationReasonCodeSequence = of(0x00400281, VR.SQ, "PerformedProcedureStepDiscontinuationReasonCodeSequence");
    public static final Tag QuantitySequence = of(0x00400293, VR.SQ, "QuantitySequence");
    public static final Tag PerformedSeriesSequence = of(0x00400340, VR.SQ, "PerformedSeriesSequence");
    public static final Tag CommentsOnTheScheduledProcedureStep = of(0x00400400, VR.LT, "CommentsOnTheScheduledProcedureStep");
    public static final Tag MeasurementUnitsCodeSequence = of(0x004008EA, VR.SQ, "MeasurementUnitsCodeSequence");
    public static final Tag RequestedProcedureID = of(0x00401001, VR.SH, "RequestedProcedureID");
    public static final Tag ReasonForTheRequestedProcedure = of(0x00401002, VR.LO, "ReasonForTheRequestedProcedure");
    public static final Tag RequestedProcedurePriority = of(0x00401003, VR.SH, "RequestedProcedurePriority");
    public static final Tag PatientTransportArrangements = of(0x00401004, VR.LO, "PatientTransportArrangements");
    public static final Tag RequestedProcedureLocation = of(0x00401005, VR.LO, "RequestedProcedureLocation");
    public static final Tag ConfidentialityCode = of(0x00401008, VR.LO, "ConfidentialityCode");
    public static final Tag ReportingPriority = of(0x00401009, VR.SH, "ReportingPriority");
    public static final Tag NamesOfIntendedRecipientsOfResults = of(0x00401010, VR.PN, "NamesOfIntendedRecipientsOfResults");
    public static final Tag ReasonForPerformedProcedureCodeSequence = of(0x00401012, VR.SQ, "ReasonForPerformedProcedureCodeSequence");
    public static final Tag RequestedProcedureComments = of(0x00401400, VR.LT, "RequestedProcedureComments");
    public static final Tag IssueDateOfImagingServiceRequest = of(0x00402004, VR.DA, "IssueDateOfImagingServiceRequest");
    public static final Tag OrderEnteredBy = of(0x00402008, VR.PN, "OrderEnteredBy");
    public static final Tag OrderEntererLocation = of(0x00402009, VR.SH, "OrderEntererLocation");
    public static final Tag PlacerOrderNumberImagingServiceRequest = of(0x00402016, VR.LO, "PlacerOrderNumberImagingServiceRequest");
    public static final Tag FillerOrderNumberImagingServiceRequest = of(0x00402017, VR.LO, "FillerOrderNumberImagingServiceRequest");
    public static final Tag ImagingServiceRequestComments = of(0x00402400, VR.LT, "ImagingServiceRequestComments");
    public static final Tag PerformedProcedureStepEndDateTime = of(0x00404051, VR.DT, "PerformedProcedureStepEndDateTime");
    public static final Tag RelationshipType = of(0x0040A010, VR.CS, "RelationshipType");
    public static final Tag VerifyingOrganization = of(0x0040A027, VR.LO, "VerifyingOrganization");
    public static final Tag VerificationDateTime = of(0x0040A030, VR.DT, "VerificationDateTime");
    public static final Tag ObservationDateTime = of(0x0040A032, VR.DT, "ObservationDateTime");
    public static final Tag ValueType = of(0x0040A040, VR.CS, "ValueType");
    public static final Tag ConceptNameCodeSequence = of(0x0040A043, VR.SQ, "ConceptNameCodeSequence");
    public static final Tag ContinuityOfContent = of(0x0040A050, VR.CS, "ContinuityOfContent");
    public static final Tag VerifyingObserverSequence = of(0x0040A073, VR.SQ, "VerifyingObserverSequence");
    public static final Tag VerifyingObserverName = of(0x0040A075, VR.PN, "VerifyingObserverName");
    public static final Tag ObserverType = of(0x0040A084, VR.CS, "ObserverType");
    public static final Tag DateTime = of(0x0040A120, VR.DT, "DateTime");
    public static final Tag Date = of(0x0040A121, VR.DA, "Date");
    public static final Tag Time = of(0x0040A122, VR.TM, "Time");
    public static final Tag PersonName = of(0x0040A123, VR.PN, "PersonName");
    public static final Tag UID = of(0x0040A124, VR.UI, "UID");
    public static final Tag ReferencedDateTime = of(0x0040A13A, VR.DT, "ReferencedDateTime");
    public static final Tag TextValue = of(0x0040A160, VR.UT, "TextValue");
    public static final Tag FloatingPointValue = of(0x0040A161, VR.FD, "FloatingPointValue");
    public static final Tag RationalNumeratorValue = of(0x0040A162, VR.SL, "RationalNumeratorValue");
    public static final Tag RationalDenominatorValue = of(0x0040A163, VR.UL, "RationalDenominatorValue");
    public static final Tag ConceptCodeSequence = of(0x0040A168, VR.SQ, "ConceptCodeSequence");
    public static final Tag ObservationUID = of(0x0040A171, VR.UI, "ObservationUID");
    public static final Tag MeasuredValueSequence = of(0x0040A300, VR.SQ, "MeasuredValueSequence");
    public static final Tag NumericValueQualifierCodeSequence = of(0x0040A301, VR.SQ, "NumericValueQualifierCodeSequence");
    public static final Tag NumericValue = of(0x0040A30A, VR.DS, "NumericValue");
    public static final Tag ReferencedRequestSequence = of(0x0040A370, VR.SQ, "ReferencedRequestSequence");
    public static final Tag PerformedProcedureCodeSequence = of(0x0040A372, VR.SQ, "PerformedProcedureCodeSequence");
    public static final Tag CurrentRequestedProcedureEvidenceSequence = of(0x0040A375, VR.SQ, "CurrentRequestedProcedureEvidenceSequence");
    public static final Tag PredecessorDocumentsSequence = of(0x0040A360, VR.SQ, "PredecessorDocumentsSequence");
    public static final Tag PertinentOtherEvidenceSequence = of(0x0040A385, VR.SQ, "PertinentOtherEvidenceSequence");
    public static final Tag CompletionFlag = of(0x0040A491, VR.CS, "CompletionFlag");
    public static final Tag CompletionFlagDescription = of(0x0040A492, VR.LO, "CompletionFlagDescription");
    public static final Tag VerificationFlag = of(0x0040A493, VR.CS, "VerificationFlag");
    public static final Tag PreliminaryFlag = of(0x0040A496, VR.CS, "PreliminaryFlag");
    public static final Tag ContentTemplateSequence = of(0x0040A504, VR.SQ, "ContentTemplateSequence");
    public static final Tag IdenticalDocumentsSequence = of(0x0040A525, VR.SQ, "IdenticalDocumentsSequence");
    public static final Tag ContentSequence = of(0x0040A730, VR.SQ, "ContentSequence");
    public static final Tag TemplateIdentifier = of(0x0040DB00, VR.CS, "TemplateIdentifier");
    public static final Tag ReferencedContentItemIdentifier = of(0x0040DB73, VR.UL, "ReferencedContentItemIdentifier");
    public static final Tag HL7InstanceIdentifier = of(0x0040E001, VR.ST, "HL7InstanceIdentifier");

    // (0042,xxxx) Encapsulated document
    public static final Tag DocumentTitle = of(0x00420010, VR.ST, "DocumentTitle");
    public static final Tag EncapsulatedDocument = of(0x00420011, VR.OB, "EncapsulatedDocument");
    public static final Tag MIMETypeOfEncapsulatedDocument = of(0x00420012, VR.LO, "MIMETypeOfEncapsulatedDocument");
    public static final Tag SourceInstanceSequence = of(0x00420013, VR.SQ, "SourceInstanceSequence");
    public static final Tag ListOfMIMETypes = of(0x00420014, VR.LO, "ListOfMIMETypes");
    public static final Tag EncapsulatedDocumentLength = of(0x00420015, VR.UL, "EncapsulatedDocumentLength");

    // (6000,xxxx) Overlay: repeating group 60xx, constants name the 6000 instance
    public static final Tag OverlayRows = of(0x60000010, VR.US, "OverlayRows");
    public static final Tag OverlayColumns = of(0x60000011, VR.US, "OverlayColumns");
    public static final Tag OverlayDescription = of(0x60000022, VR.LO, "OverlayDescription");
    public static final Tag OverlayType = of(0x60000040, VR.CS, "OverlayType");
    public static final Tag OverlayOrigin = of(0x60000050, VR.SS, "OverlayOrigin");
    public static final Tag OverlayBitsAllocated = of(0x60000100, VR.US, "OverlayBitsAllocated");
    public static final Tag OverlayBitPosition = of(0x60000102, VR.US, "OverlayBitPosition");
    public static final Tag OverlayData = of(0x60003000, VR.OW, "OverlayData");

    // (7FE0,xxxx) Pixel data
    public static final Tag PixelData = of(0x7FE00010, VR.OW, "PixelData");

    // (FFFC,xxxx) Trailing padding
    public static final Tag DataSetTrailingPadding = of(0xFFFCFFFC, VR.OB, "DataSetTrailingPadding");
}
