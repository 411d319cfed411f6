#pragma once
// Input files of each format, written from the formats' documentation and the tools' published
// examples (CodeCarbon docs/reference/output.md and examples/emissions.csv of every header
// version; sacct(1) --parsable2 output; Epoch AI's "Data on AI Models" CSV columns). The numbers
// are chosen so that the expected hours, energy and CO2 are easy hand arithmetic.
#include <QByteArray>

namespace nofade::test {

// A test hardware table, so the tests do not depend on the bundled one's names.
inline const QByteArray kImportHardware =
    "name,kind,tdp_watts,peak_tflops_fp32,peak_tflops_tensor,memory_gb,aliases,source,notes\n"
    "Test V100,gpu,300,15.7,,,Tesla V100-SXM2-16GB;V100,test fixture,\n"
    "Test A100,gpu,400,19.5,,,A100-SXM4-40GB;A100,test fixture,\n";

// CodeCarbon 2.5+ (experiment_id added 2024-06; tests/test_data/emissions_valid_headers.csv).
// Lines 5 and 6 are broken: a run appended without its empty columns (CodeCarbon's append mode
// drops them), and an emissions cell that is not a number.
inline const QByteArray kCodeCarbonCurrent =
    "timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,"
    "cpu_energy,gpu_energy,ram_energy,energy_consumed,country_name,country_iso_code,region,cloud_provider,"
    "cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,"
    "ram_total_size,tracking_mode,on_cloud,pue\n"
    "2024-06-30T10:00:00,resnet50-cifar10,run-a,exp-1,3600,0.5,0.000138,20,300,10,0.1,1.1,0.05,1.25,France,FRA,"
    "ile-de-france,,,Linux-6.1,3.11.2,2.5.0,16,AMD EPYC 7302,2,2 x Tesla V100-SXM2-16GB,2.3,48.8,64,machine,N,1.0\n"
    "2024-06-30T12:00:00,resnet50-cifar10,run-b,exp-1,5400,0.7,0.00013,20,300,10,0.15,1.5,0.1,1.75,France,FRA,"
    "ile-de-france,,,Linux-6.1,3.11.2,2.5.0,16,AMD EPYC 7302,2,2 x Tesla V100-SXM2-16GB,2.3,48.8,64,machine,N,1.0\n"
    "2024-07-01T08:00:00,vit-cifar100,run-c,exp-2,7200,1.2,0.000167,40,1600,20,0.2,3.2,0.1,3.5,Canada,CAN,"
    "quebec,aws,ca-central-1,Linux-6.1,3.11.2,2.5.0,32,Intel Xeon,4,4 x NVIDIA A100-SXM4-40GB,-73.5,45.5,256,"
    "machine,Y,1.2\n"
    "2024-07-02T08:00:00,vit-cifar100,run-d,exp-2,60,0.01,0.0002,40,Canada,CAN,quebec,Linux-6.1,3.11.2\n"
    "2024-07-03T08:00:00,vit-cifar100,run-e,exp-3,60,n/a,0.0002,40,1600,20,0.2,3.2,0.1,3.5,Canada,CAN,"
    "quebec,aws,ca-central-1,Linux-6.1,3.11.2,2.5.0,32,Intel Xeon,4,4 x NVIDIA A100-SXM4-40GB,-73.5,45.5,256,"
    "machine,Y,1.2\n";

// CodeCarbon's newest header (2025: water_consumed, utilisation columns, wue).
inline const QByteArray kCodeCarbon2025 =
    "timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,"
    "cpu_energy,gpu_energy,ram_energy,energy_consumed,water_consumed,country_name,country_iso_code,region,"
    "cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,"
    "longitude,latitude,ram_total_size,tracking_mode,cpu_utilization_percent,gpu_utilization_percent,"
    "ram_utilization_percent,ram_used_gb,on_cloud,pue,wue\n"
    "2025-11-26T09:00:00,detr-coco,run-z,exp-9,1800,0.25,0.000139,30,350,12,0.01,0.5,0.01,0.52,0,Germany,DEU,,,,"
    "Linux,3.12,3.1.0,8,Intel,1,1 x Tesla V100-SXM2-16GB,8.6,50.1,32,process,50,90,40,12,N,1.0,0\n";

// The published example of 2020-12 (examples/emissions.csv, commit 023f9b45), with its BOM.
inline const QByteArray kCodeCarbon2020 =
    "\xEF\xBB\xBFtimestamp,experiment_id,project_name,duration,emissions,energy_consumed,country_name,"
    "country_iso_code,region,on_cloud,cloud_provider,cloud_region\n"
    "2020-03-23T09:26:11,68f53844-f3af-48fb-971a-ffab844a6b6f,project_gamma,34,8,8,USA,USA,Ohio,Y,aws,us-east-2\n";

// The 2020-08 form, written by pandas with its index as an unnamed first column.
inline const QByteArray kCodeCarbon2020Indexed =
    ",timestamp,experiment_id,project_name,duration,emissions,energy_consumed,country_name,country_iso_code,"
    "region,on_cloud,cloud_provider,cloud_region\n"
    "0,2020-03-23T09:26:11,68f53844-f3af-48fb-971a-ffab844a6b6f,project_gamma,34,8,8,USA,USA,Ohio,Y,aws,us-east-2\n";

// The 2021-07 example (commit 32d4fcb9): CPU/GPU/RAM split, trailing empty header cells.
inline const QByteArray kCodeCarbon2021 =
    "timestamp,project_name,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,"
    "ram_energy,energy_consumed,country_name,country_iso_code,region,on_cloud,cloud_provider,cloud_region,,,,,,,,,,,,,,\n"
    "2020-03-23T09:26:11,project_gamma,34,8,4,8,0,1.234535,8,0,0.1565332,8,USA,USA,Ohio,Y,aws,us-east-2,,,,,,,,,,,,,,\n";

// sacct -P -o JobID,JobName,ElapsedRaw,AllocTRES,NodeList,State. Job 1001 with its batch, extern
// and srun steps; array 2000 with tasks 1 and 2 completed, 3 failed, 4-5 pending; job 3000
// cancelled; a CPU-only job; a line with missing fields and one with a bad ElapsedRaw.
inline const QByteArray kSacct =
    "JobID|JobName|ElapsedRaw|AllocTRES|NodeList|State\n"
    "1001|resnet50|7200|billing=16,cpu=16,gres/gpu:v100=4,gres/gpu=4,mem=64G,node=1|gpu01|COMPLETED\n"
    "1001.batch|batch|7200|cpu=16,gres/gpu:v100=4,gres/gpu=4,mem=64G,node=1|gpu01|COMPLETED\n"
    "1001.extern|extern|7200|billing=16,cpu=16,gres/gpu:v100=4,gres/gpu=4,mem=64G,node=1|gpu01|COMPLETED\n"
    "1001.0|python|7150|cpu=16,gres/gpu:v100=4,gres/gpu=4,mem=64G,node=1|gpu01|COMPLETED\n"
    "2000_1|sweep|3600|billing=8,cpu=8,gres/gpu=2,mem=32G,node=1|gpu02|COMPLETED\n"
    "2000_1.batch|batch|3600|cpu=8,gres/gpu=2,mem=32G,node=1|gpu02|COMPLETED\n"
    "2000_2|sweep|1800|billing=8,cpu=8,gres/gpu=2,mem=32G,node=1|gpu03|COMPLETED\n"
    "2000_2.batch|batch|1800|cpu=8,gres/gpu=2,mem=32G,node=1|gpu03|COMPLETED\n"
    "2000_3|sweep|900|billing=8,cpu=8,gres/gpu=2,mem=32G,node=1|gpu03|FAILED\n"
    "2000_3.batch|batch|900|cpu=8,gres/gpu=2,mem=32G,node=1|gpu03|FAILED\n"
    "2000_[4-5]|sweep|0||None assigned|PENDING\n"
    "3000|multinode|5400|billing=64,cpu=64,gres/gpu:a100=8,mem=512G,node=2|gpu[10-11]|CANCELLED by 4242\n"
    "3000.batch|batch|5400|cpu=32,gres/gpu:a100=4,mem=256G,node=1|gpu10|CANCELLED\n"
    "4000|preprocess|600|billing=4,cpu=4,mem=8G,node=1|cpu01|COMPLETED\n"
    "5000|broken|gpu05|COMPLETED\n"
    "6000|badtime|12x|billing=4,cpu=4,gres/gpu=1,node=1|gpu05|COMPLETED\n";

// Epoch AI's models CSV (a subset of its columns, in its order). Line 4 has a bad Parameters cell,
// line 5 no model name, line 6 a fractional hardware quantity.
inline const QByteArray kEpoch =
    "Model,Domain,Task,Organization,Publication date,Reference,Link,Parameters,Training compute (FLOP),"
    "Training dataset,Training time (hours),Training hardware,Hardware quantity,Hardware utilization,Confidence\n"
    "Example CNN A,Vision,Image classification,Example Lab,2017-06-01,Example paper A,https://example.org/a,"
    "25600000,1.2e18,ImageNet,48,NVIDIA Tesla V100-SXM2-16GB,8,0.35,Confident\n"
    "Example Detector B,Vision,\"Object detection,Instance segmentation\",Example Lab,2019-02-10,,,"
    "41000000,3e19,COCO,,Google TPU v9,,,Likely\n"
    "Example C,Vision,Image classification,Example Lab,2018-01-01,,,lots,1e18,ImageNet,10,,,,Speculative\n"
    ",Vision,Image classification,Example Lab,2018-01-01,,,1000,1e18,ImageNet,10,,,,Speculative\n"
    "Example E,Vision,Image classification,Example Lab,2018-01-01,,,1000,1e18,ImageNet,10,,2.5,,Likely\n";

} // namespace nofade::test
