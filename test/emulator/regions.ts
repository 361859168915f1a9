/** The Azure public regions the emulator knows (for /locations, location validation and display names). */
export interface Region {
    name: string;
    displayName: string;
    geographyGroup: string;
    latitude: string;
    longitude: string;
    pairedRegion?: string;
}

export const REGIONS: readonly Region[] = [
    { name: 'eastus', displayName: 'East US', geographyGroup: 'US', latitude: '37.3719', longitude: '-79.8164', pairedRegion: 'westus' },
    { name: 'eastus2', displayName: 'East US 2', geographyGroup: 'US', latitude: '36.6681', longitude: '-78.3889', pairedRegion: 'centralus' },
    { name: 'centralus', displayName: 'Central US', geographyGroup: 'US', latitude: '41.5908', longitude: '-93.6208', pairedRegion: 'eastus2' },
    { name: 'southcentralus', displayName: 'South Central US', geographyGroup: 'US', latitude: '29.4167', longitude: '-98.5', pairedRegion: 'northcentralus' },
    { name: 'northcentralus', displayName: 'North Central US', geographyGroup: 'US', latitude: '41.8819', longitude: '-87.6278', pairedRegion: 'southcentralus' },
    { name: 'westus', displayName: 'West US', geographyGroup: 'US', latitude: '37.783', longitude: '-122.417', pairedRegion: 'eastus' },
    { name: 'westus2', displayName: 'West US 2', geographyGroup: 'US', latitude: '47.233', longitude: '-119.852', pairedRegion: 'westcentralus' },
    { name: 'westus3', displayName: 'West US 3', geographyGroup: 'US', latitude: '33.448376', longitude: '-112.074036', pairedRegion: 'eastus' },
    { name: 'westcentralus', displayName: 'West Central US', geographyGroup: 'US', latitude: '40.890', longitude: '-110.234', pairedRegion: 'westus2' },
    { name: 'canadacentral', displayName: 'Canada Central', geographyGroup: 'Canada', latitude: '43.653', longitude: '-79.383', pairedRegion: 'canadaeast' },
    { name: 'northeurope', displayName: 'North Europe', geographyGroup: 'Europe', latitude: '53.3478', longitude: '-6.2597', pairedRegion: 'westeurope' },
    { name: 'westeurope', displayName: 'West Europe', geographyGroup: 'Europe', latitude: '52.3667', longitude: '4.9', pairedRegion: 'northeurope' },
    { name: 'uksouth', displayName: 'UK South', geographyGroup: 'UK', latitude: '50.941', longitude: '-0.799', pairedRegion: 'ukwest' },
    { name: 'francecentral', displayName: 'France Central', geographyGroup: 'Europe', latitude: '46.3772', longitude: '2.3730', pairedRegion: 'francesouth' },
    { name: 'germanywestcentral', displayName: 'Germany West Central', geographyGroup: 'Europe', latitude: '50.110924', longitude: '8.682127', pairedRegion: 'germanynorth' },
    { name: 'swedencentral', displayName: 'Sweden Central', geographyGroup: 'Europe', latitude: '60.67488', longitude: '17.14127', pairedRegion: 'swedensouth' },
    { name: 'japaneast', displayName: 'Japan East', geographyGroup: 'Asia Pacific', latitude: '35.68', longitude: '139.77', pairedRegion: 'japanwest' },
    { name: 'southeastasia', displayName: 'Southeast Asia', geographyGroup: 'Asia Pacific', latitude: '1.283', longitude: '103.833', pairedRegion: 'eastasia' },
    { name: 'australiaeast', displayName: 'Australia East', geographyGroup: 'Asia Pacific', latitude: '-33.86', longitude: '151.2094', pairedRegion: 'australiasoutheast' },
    { name: 'centralindia', displayName: 'Central India', geographyGroup: 'Asia Pacific', latitude: '18.5822', longitude: '73.9197', pairedRegion: 'southindia' },
    { name: 'brazilsouth', displayName: 'Brazil South', geographyGroup: 'South America', latitude: '-23.55', longitude: '-46.633', pairedRegion: 'southcentralus' },
];

const byName = new Map(REGIONS.map((r) => [r.name, r]));

/** Looks a region up by any spelling ('West US', 'westus'). */
export function findRegion(location: string): Region | undefined {
    return byName.get(location.replace(/[\s_-]/g, '').toLowerCase());
}
