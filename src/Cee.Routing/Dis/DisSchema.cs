namespace Cee.Routing.Dis;

/// <summary>
/// The element names and sequences of CBP's DIS schema v1.2 (MessageEnvelope.xsd, CommonData.xsd,
/// DocumentSubmissionPackage.xsd) that the reader follows. Written from the schema, not generated:
/// the schema itself is CBP's and is not part of this repository.
/// </summary>
internal static class DisSchema
{
    public const string Namespace = "http://cbp.dhs.gov/DIS";

    public const string MessageEnvelope = "MessageEnvelope";
    public const string SubmissionPayload = "DocumentSubmissionPackage";
    public const string WithdrawalPayload = "DocumentWithdrawal";

    public static readonly ElementSequence Envelope = new(MessageEnvelope, ["MessageHeader", "MessageBody"], complex: ["MessageHeader", "MessageBody"]);

    public static readonly ElementSequence MessageHeader = new(
        "MessageHeader",
        ["MessageID", "MessageType", "SentDateTime", "TransmitterID", "TransmitterSiteCode", "PreparerID", "PreparerSiteCode", "Comment"]);

    /// <summary>The payloads of MessageBody (a choice). A submission is routed, a withdrawal withdraws; the others are refused.</summary>
    public static readonly ElementSequence MessageBody = new(
        "MessageBody",
        [SubmissionPayload, WithdrawalPayload, "DataRequestPackage", "RequestedDataPackage", "MessageValidationResponse", "DocumentReviewResponse"],
        choice: true);

    public static readonly ElementSequence Submission = new(
        SubmissionPayload,
        ["PackageIdentifier", "SubmittedToPortCode", "ActionCode", "TradeTransaction", "CBPRequest", "DocumentData"],
        repeating: ["DocumentData"],
        complex: ["PackageIdentifier", "TradeTransaction", "CBPRequest", "DocumentData"]);

    /// <summary>DocumentWithdrawal.xsd: the document withdrawn, where and why.</summary>
    public static readonly ElementSequence Withdrawal = new(
        WithdrawalPayload,
        ["DocumentHeader", "SubmittedToPortCode", "ActionCode", "TradeTransaction", "DocumentWithdrawalReason", "Comment"],
        complex: ["DocumentHeader", "TradeTransaction"]);

    public static readonly ElementSequence PackageIdentifier = new("PackageIdentifier", ["PackageCategory", "PackageName", "ImporterOfRecordNbr"]);

    public static readonly ElementSequence TradeTransaction = new(
        "TradeTransaction",
        ["TransactionCategory", "Entry", "EntrySummary", "Bill", "ISFNumber", "ITN", "XTN", "FTZAdmissionNbr", "ImporterOfRecordNbr", "OtherTransaction"],
        repeating: ["Entry", "EntrySummary", "Bill", "ISFNumber", "ITN", "XTN", "OtherTransaction"],
        complex: ["Entry", "EntrySummary", "Bill", "ISFNumber", "ITN", "XTN", "OtherTransaction"]);

    public static readonly ElementSequence Entry = new("Entry", ["EntryNumber", "Filer", "EntryLineNumber", "ReferenceNumber"]);

    public static readonly ElementSequence Bill = new("Bill", ["SCAC", "BillNumber", "HouseBillNumber", "ReferenceNumber"]);

    public static readonly ElementSequence Isf = new("ISFNumber", ["Filer", "ISFNumber"]);

    public static readonly ElementSequence Itn = new("ITN", ["ITN", "ReferenceNumber"]);

    public static readonly ElementSequence Xtn = new("XTN", ["XTN", "ReferenceNumber"]);

    public static readonly ElementSequence OtherTransaction = new("OtherTransaction", ["TransactionName", "TransactionNumber"]);

    public static readonly ElementSequence CbpRequest = new("CBPRequest", ["CBPRequestID", "CBPRequestType", "CBPRequestDate"]);

    public static readonly ElementSequence DocumentData = new(
        "DocumentData",
        ["DocumentHeader", "GovtAgencyList", "Comment", "OptionalData", "VesselData", "ContactInfo", "DocumentObject"],
        complex: ["DocumentHeader", "GovtAgencyList", "OptionalData", "VesselData", "ContactInfo"]);

    public static readonly ElementSequence DocumentHeader = new(
        "DocumentHeader",
        ["DocumentID", "DocumentLabel", "CompleteFileName", "FileExtensionType", "DocumentDescription", "DocumentSentDate", "DocPreviouslySubmitted"]);

    public static readonly ElementSequence GovtAgencyList = new("GovtAgencyList", ["GovtAgency"], repeating: ["GovtAgency"]);

    public static readonly ElementSequence OptionalData = new(
        "OptionalData",
        ["InvoiceData", "BondData", "PackingListData", "CertificateData", "PermitData", "ToxicSubstancesData", "CommodityList", "AdditionalData"],
        complex: ["InvoiceData", "BondData", "PackingListData", "CertificateData", "PermitData", "ToxicSubstancesData", "CommodityList", "AdditionalData"]);

    public static readonly ElementSequence InvoiceData = new(
        "InvoiceData",
        ["InvoiceNbr", "InvoiceType", "InvoiceLineItemData"],
        repeating: ["InvoiceLineItemData"],
        complex: ["InvoiceLineItemData"]);

    public static readonly ElementSequence InvoiceLineItemData = new("InvoiceLineItemData", ["InvoiceLineNbr", "CommodityData"], complex: ["CommodityData"]);

    public static readonly ElementSequence CommodityList = new("CommodityList", ["CommodityData"], repeating: ["CommodityData"], complex: ["CommodityData"]);

    public static readonly ElementSequence CommodityData = new(
        "CommodityData",
        ["EntryLineNumber", "HTSNumber", "CommodityDescription", "CountryOfOrigin", "ContainerNbr", "ArrivalDate", "PortOfLading", "PortOfUnlading", "PortOfEntry", "PPQSignature", "SealNumbers", "TradeParties", "FilerReferenceNumber", "VehicleAndEngineData"],
        complex: ["TradeParties", "VehicleAndEngineData"]);

    public static readonly ElementSequence CertificateData = new(
        "CertificateData",
        ["CertificateNumber", "CertificateType", "Statement", "ExpirationDate", "ImporterOfRecord", "InspectionLocation"]);

    public static readonly ElementSequence PermitData = new(
        "PermitData",
        ["PermitNumber", "PermitType", "ApprovalNumber", "Statement", "StartDate", "EndDate", "ImporterOfRecord"]);
}
